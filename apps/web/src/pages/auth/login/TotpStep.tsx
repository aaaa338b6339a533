import { useState } from 'react';
import { Button, Form, Input, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { recoveryCodeSchema, totpCodeSchema } from '@fw/shared';
import { useAuth } from '../../../auth/AuthContext';
import { isApiError } from '../../../api/client';
import { applyFieldErrors, zodRule } from '../../../forms/zodRule';

interface Values {
  code?: string;
  recoveryCode?: string;
}

/** The second login step: six digits from the authenticator app, or one of the recovery codes. */
export function TotpStep({ ticket, onDone, onRestart }: { ticket: string; onDone: () => void; onRestart: () => void }) {
  const { loginTotp } = useAuth();
  const [form] = Form.useForm<Values>();
  const [useRecovery, setUseRecovery] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const finish = async (v: Values) => {
    setSubmitting(true);
    try {
      await loginTotp(useRecovery ? { ticket, recoveryCode: v.recoveryCode?.trim() } : { ticket, code: v.code?.trim() });
      onDone();
    } catch (e) {
      // An expired or used ticket: back to the password.
      if (isApiError(e) && e.status === 401 && /超时/.test(e.message)) onRestart();
      else applyFieldErrors(form, e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={(v) => void finish(v)}>
      <Typography.Paragraph type="secondary">
        {useRecovery ? '请输入绑定动态口令时保存的一个恢复码，每个恢复码只能使用一次。' : '请打开手机上的验证器应用，输入本账号当前显示的6位动态口令。'}
      </Typography.Paragraph>
      {useRecovery ? (
        <Form.Item name="recoveryCode" label="恢复码" rules={[zodRule(recoveryCodeSchema)]}>
          <Input prefix={<SafetyOutlined />} placeholder="请输入恢复码，如 abcde-23456" autoComplete="off" autoFocus />
        </Form.Item>
      ) : (
        <Form.Item name="code" label="动态口令" rules={[zodRule(totpCodeSchema)]}>
          <Input prefix={<SafetyOutlined />} placeholder="请输入6位动态口令" inputMode="numeric" maxLength={6} autoComplete="one-time-code" autoFocus />
        </Form.Item>
      )}
      <Form.Item style={{ marginBottom: 12 }}>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          验证并登录
        </Button>
      </Form.Item>
      <div className="auth-links">
        <Button type="link" size="small" onClick={() => setUseRecovery((r) => !r)}>{useRecovery ? "使用动态口令" : "无法使用验证器？使用恢复码"}</Button>
        <Button type="link" size="small" onClick={onRestart}>返回重新登录</Button>
      </div>
    </Form>
  );
}
