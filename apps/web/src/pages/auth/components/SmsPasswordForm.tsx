import { useState } from 'react';
import { Button, Form, Input, Space } from 'antd';
import { LockOutlined, MobileOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { mobileSchema, passwordSchema, smsCodeSchema, PASSWORD_POLICY_TEXT } from '@fw/shared';
import { SmsCodeButton } from '../../../components/SmsCodeButton';
import { applyFieldErrors, zodRule } from '../../../forms/zodRule';
import { sendSmsCode, type SmsPurpose } from '../api';

export interface SmsPasswordValues {
  mobile: string;
  code: string;
  password: string;
}

interface FormValues extends SmsPasswordValues {
  confirm: string;
}

export interface SmsPasswordFormProps {
  purpose: SmsPurpose;
  submitText: string;
  passwordLabel: string;
  onSubmit: (values: SmsPasswordValues) => Promise<void>;
}

/** Mobile + SMS code + new password: the shared body of registration and password reset. */
export function SmsPasswordForm({ purpose, submitText, passwordLabel, onSubmit }: SmsPasswordFormProps) {
  const [form] = Form.useForm<FormValues>();
  const [submitting, setSubmitting] = useState(false);

  const send = async () => {
    const { mobile } = await form.validateFields(['mobile']);
    try {
      const res = await sendSmsCode(mobile.trim(), purpose);
      return res?.cooldownSeconds;
    } catch (e) {
      applyFieldErrors(form, e);
      throw e;
    }
  };

  const finish = async (v: FormValues) => {
    setSubmitting(true);
    try {
      await onSubmit({ mobile: v.mobile.trim(), code: v.code.trim(), password: v.password });
    } catch (e) {
      applyFieldErrors(form, e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} layout="vertical" size="large" onFinish={(v) => void finish(v)} requiredMark={false} autoComplete="off">
      <Form.Item name="mobile" label="手机号" rules={[zodRule(mobileSchema)]} validateTrigger="onBlur">
        <Input prefix={<MobileOutlined />} placeholder="请输入11位手机号" maxLength={11} inputMode="numeric" autoComplete="tel" />
      </Form.Item>
      <Form.Item label="短信验证码" required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="code" noStyle rules={[zodRule(smsCodeSchema)]}>
            <Input
              prefix={<SafetyCertificateOutlined />}
              placeholder="6位数字验证码"
              maxLength={6}
              inputMode="numeric"
              autoComplete="one-time-code"
            />
          </Form.Item>
          <SmsCodeButton send={send} />
        </Space.Compact>
      </Form.Item>
      <Form.Item name="password" label={passwordLabel} rules={[zodRule(passwordSchema)]} extra={PASSWORD_POLICY_TEXT} hasFeedback>
        <Input.Password prefix={<LockOutlined />} placeholder="请设置密码" autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认密码"
        dependencies={['password']}
        hasFeedback
        rules={[
          { required: true, message: '请再次输入密码' },
          ({ getFieldValue }) => ({
            validator: async (_r, value: unknown) => {
              if (value && value !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
            },
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} placeholder="请再次输入密码" autoComplete="new-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 12 }}>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {submitText}
        </Button>
      </Form.Item>
    </Form>
  );
}
