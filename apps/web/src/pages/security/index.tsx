import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { PASSWORD_POLICY_TEXT, changePasswordBody, totpCodeSchema, type TotpStatus } from '@fw/shared';
import { useNavigate } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { PageLoading } from '../../components/PageLoading';
import { applyFieldErrors, zodRule } from '../../forms/zodRule';
import { changePassword, disableTotp, fetchTotpStatus, renewRecoveryCodes } from './api';
import { EnrolCard } from './components/EnrolCard';
import { RecoveryCodesModal } from './components/RecoveryCodes';

const homeOf = (role: string) => (role === 'authority' ? '/authority' : '/');

/** 账号安全: the second factor (bind, recovery codes), the password, and logging out everywhere. */
export function SecurityPage() {
  const { user, refresh, logoutEverywhere } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [status, setStatus] = useState<TotpStatus | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  /** Sent here to enrol: once the codes are saved, on to the work. */
  const [justEnrolled, setJustEnrolled] = useState(false);
  const [codeForm] = Form.useForm<{ code: string }>();
  const [pwForm] = Form.useForm<{ currentPassword: string; newPassword: string }>();

  const load = useCallback(async () => setStatus(await fetchTotpStatus()), []);
  useEffect(() => {
    void load();
  }, [load]);

  if (!user || !status) return <PageLoading />;
  const mustEnrol = status.required && !status.enabled;

  const afterCodesSaved = async () => {
    setCodes(null);
    await refresh();
    if (justEnrolled && status.required) navigate(homeOf(user.role), { replace: true });
  };

  const withCode = async (action: (code: string) => Promise<unknown>, done: (r: unknown) => void) => {
    try {
      const { code } = await codeForm.validateFields();
      done(await action(code.trim()));
      codeForm.resetFields();
      await load();
    } catch (e) {
      applyFieldErrors(codeForm, e);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 760 }}>
      <Typography.Title level={3}>账号安全</Typography.Title>
      {mustEnrol && <Alert type="warning" showIcon title="按照网络安全等级保护要求，主管部门、评审专家和管理员账号须绑定动态口令（双因素认证）后才能继续使用。" />}

      <Card title="动态口令（双因素认证）">
        {status.enabled ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="状态">已绑定{status.enabledAt ? `（${new Date(status.enabledAt).toLocaleString('zh-CN')}）` : ''}</Descriptions.Item>
              <Descriptions.Item label="剩余恢复码">{status.recoveryCodesLeft} 个</Descriptions.Item>
            </Descriptions>
            <Form form={codeForm} layout="inline">
              <Form.Item name="code" rules={[zodRule(totpCodeSchema)]}>
                <Input placeholder="当前6位动态口令" inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
              </Form.Item>
              <Button onClick={() => void withCode(renewRecoveryCodes, (r) => setCodes((r as { recoveryCodes: string[] }).recoveryCodes))}>重新生成恢复码</Button>
              {!status.required && (
                <Popconfirm title="关闭后登录只需密码，确定关闭？" onConfirm={() => void withCode(disableTotp, () => message.success('已关闭动态口令'))}>
                  <Button danger>关闭动态口令</Button>
                </Popconfirm>
              )}
            </Form>
          </Space>
        ) : (
          <EnrolCard
            onEnrolled={(c) => {
              setJustEnrolled(true);
              setCodes(c);
              void load();
            }}
          />
        )}
      </Card>

      <Card title="修改密码">
        <Form
          form={pwForm}
          layout="vertical"
          style={{ maxWidth: 360 }}
          onFinish={(v) =>
            void changePassword(v)
              .then(() => {
                message.success('密码已修改，其他设备上的登录已失效');
                pwForm.resetFields();
              })
              .catch((e: unknown) => applyFieldErrors(pwForm, e))
          }
        >
          <Form.Item name="currentPassword" label="当前密码" rules={[zodRule(changePasswordBody.shape.currentPassword)]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label="新密码" extra={PASSWORD_POLICY_TEXT} rules={[zodRule(changePasswordBody.shape.newPassword)]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">修改密码</Button>
        </Form>
      </Card>

      <Card title="登录设备">
        <Space orientation="vertical">
          <Typography.Text type="secondary">怀疑账号在其他电脑或手机上仍处于登录状态时，可一键退出所有设备（包括本机）。</Typography.Text>
          <Popconfirm title="将退出所有设备上的登录，确定？" onConfirm={() => void logoutEverywhere().then(() => navigate('/login', { replace: true }))}>
            <Button danger>退出所有设备</Button>
          </Popconfirm>
        </Space>
      </Card>

      <RecoveryCodesModal codes={codes} onClose={() => void afterCodesSaved()} />
    </Space>
  );
}
