import { useState } from 'react';
import { Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { loginBody } from '@fw/shared';
import { AuthShell } from '../components/AuthShell';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../auth/AuthContext';
import { isChallenge } from '../../../auth/api';
import { safeNext } from '../../../auth/paths';
import { applyFieldErrors, zodRule } from '../../../forms/zodRule';
import { TotpStep } from './TotpStep';

interface LoginValues {
  login: string;
  password: string;
}

export function LoginPage() {
  const { user, login } = useAuth();
  const [form] = Form.useForm<LoginValues>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [submitting, setSubmitting] = useState(false);
  /** Set after a right password for an account with a second factor. */
  const [ticket, setTicket] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  if (user) return <Navigate to={next} replace />;

  const finish = async (v: LoginValues) => {
    setSubmitting(true);
    try {
      const res = await login({ login: v.login.trim(), password: v.password });
      if (isChallenge(res)) setTicket(res.ticket);
      else navigate(next, { replace: true });
    } catch (e) {
      applyFieldErrors(form, e);
    } finally {
      setSubmitting(false);
    }
  };

  if (ticket) {
    return (
      <AuthShell title="动态口令验证">
        <TotpStep ticket={ticket} onDone={() => navigate(next, { replace: true })} onRestart={() => setTicket(null)} />
      </AuthShell>
    );
  }

  return (
    <AuthShell title="用户登录">
      <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={(v) => void finish(v)}>
        <Form.Item name="login" label="手机号或账号" rules={[zodRule(loginBody.shape.login)]}>
          <Input prefix={<UserOutlined />} placeholder="请输入手机号或账号" autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[zodRule(loginBody.shape.password)]}>
          <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 12 }}>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            登录
          </Button>
        </Form.Item>
      </Form>
      <div className="auth-links">
        <Link to="/register">没有账号？立即注册</Link>
        <Link to="/reset-password">忘记密码</Link>
      </div>
    </AuthShell>
  );
}
