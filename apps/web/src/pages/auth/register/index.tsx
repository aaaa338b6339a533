import { useRef } from 'react';
import { Alert } from 'antd';
import { AuthShell } from '../components/AuthShell';
import { Link, Navigate, useNavigate } from 'react-router';
import { useAuth } from '../../../auth/AuthContext';
import { SmsPasswordForm, type SmsPasswordValues } from '../components/SmsPasswordForm';
import { register } from './api';

export function RegisterPage() {
  const { user, setUser } = useAuth();
  const navigate = useNavigate();
  // Set on success, so the redirect for already logged-in visitors does not override the way to /entry.
  const registered = useRef(false);
  if (user && !registered.current) return <Navigate to="/" replace />;

  const submit = async (v: SmsPasswordValues) => {
    const me = await register(v);
    registered.current = true;
    setUser(me);
    navigate('/entry', { replace: true });
  };

  return (
    <AuthShell title="注册申报账号">
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="同一个手机号只能注册一个账号，请使用申报联系人常用的手机号。" />
      <SmsPasswordForm purpose="register" passwordLabel="密码" submitText="注册" onSubmit={submit} />
      <div className="auth-links">
        <Link to="/login">已有账号？去登录</Link>
      </div>
    </AuthShell>
  );
}
