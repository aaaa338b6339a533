import { App } from 'antd';
import { AuthShell } from '../components/AuthShell';
import { Link, useNavigate } from 'react-router';
import { SmsPasswordForm, type SmsPasswordValues } from '../components/SmsPasswordForm';
import { resetPassword } from './api';

export function ResetPasswordPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();

  const submit = async (v: SmsPasswordValues) => {
    await resetPassword(v);
    message.success('密码已重置，请使用新密码登录');
    navigate('/login', { replace: true });
  };

  return (
    <AuthShell title="找回密码">
      <SmsPasswordForm purpose="reset" passwordLabel="新密码" submitText="重置密码" onSubmit={submit} />
      <div className="auth-links">
        <Link to="/login">返回登录</Link>
      </div>
    </AuthShell>
  );
}
