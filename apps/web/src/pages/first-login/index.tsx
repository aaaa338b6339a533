import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row } from 'antd';
import { PASSWORD_POLICY_TEXT } from '@fw/shared';
import { Navigate, useNavigate } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { ContactFields } from '../../components/ContactFields';
import { PageLoading } from '../../components/PageLoading';
import { applyFieldErrors, zodRule } from '../../forms/zodRule';
import { isApiError } from '../../api/client';
import { completeFirstLogin, firstLoginForm, type FirstLoginForm } from './api';

const shape = firstLoginForm.shape;
/** Where an authority works; another role (should it ever land here) goes home. */
const homeOf = (role: string) => (role === 'authority' ? '/authority' : role === 'expert' ? '/expert' : '/');

/** Who issued the account and what the contact person is for, by role. */
export function firstLoginIntro(role: string): string {
  return role === 'expert'
    ? '本账号由遴选组织单位开设。首次登录请绑定联系人并修改初始密码，完成后方可查看评审任务。联系人用于评审期间与组织单位的工作联系。'
    : '本账号由上级主管部门开设。首次登录请绑定联系人并修改初始密码，完成后方可使用平台其他功能。联系人用于申报期间上下级之间的工作联系。';
}

type Values = FirstLoginForm & { confirmPassword: string };

/** First login of an issued account: bind the contact person and replace the one-time password. */
export function FirstLoginPage() {
  const { user, setUser } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  if (!user) return <PageLoading />;
  if (!user.mustChangePassword) return <Navigate to={homeOf(user.role)} replace />;

  const finish = async ({ confirmPassword: _, ...v }: Values) => {
    setSaving(true);
    try {
      const me = await completeFirstLogin(firstLoginForm.parse(v));
      setUser(me);
      message.success('设置完成，欢迎使用');
      navigate(homeOf(me.role), { replace: true });
    } catch (e) {
      // Server messages show at their fields (the central handler toasts them too); anything else is a bug worth a word.
      if (!applyFieldErrors(form, e) && !isApiError(e)) message.error('提交失败，请检查填写内容后重试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="首次登录设置" style={{ maxWidth: 760, margin: '0 auto' }}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 20 }}
        title={`${user.displayName ?? '您的账号'}${user.regionName ? `（${user.regionName}）` : ''}`}
        description={firstLoginIntro(user.role)}
      />
      <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={(v) => void finish(v)}>
        <ContactFields
          name={{ name: 'contactName', schema: shape.contactName }}
          mobile={{ name: 'contactMobile', schema: shape.contactMobile, label: '联系人手机号' }}
          phone={{ name: 'contactPhone', schema: shape.contactPhone }}
        />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="newPassword" label="新密码" rules={[zodRule(shape.newPassword)]} extra={PASSWORD_POLICY_TEXT}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="confirmPassword"
              label="确认新密码"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: '请再次输入新密码' },
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: string) => {
                    if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的密码不一致');
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
        <div style={{ textAlign: 'right' }}>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="first-login-submit">
            完成设置
          </Button>
        </div>
      </Form>
    </Card>
  );
}
