import { useState } from 'react';
import { Button, Form, Input, Space, Steps, Typography } from 'antd';
import { totpCodeSchema, type TotpEnrolment } from '@fw/shared';
import { applyFieldErrors, zodRule } from '../../../forms/zodRule';
import { confirmEnrolment, startEnrolment } from '../api';

/** Binding a second factor: scan the QR code (or type the key), then confirm with a first code. */
export function EnrolCard({ onEnrolled }: { onEnrolled: (recoveryCodes: string[]) => void }) {
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string }>();

  const start = async () => {
    setBusy(true);
    try {
      setEnrolment(await startEnrolment());
    } finally {
      setBusy(false);
    }
  };
  const confirm = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      const { recoveryCodes } = await confirmEnrolment(code.trim());
      onEnrolled(recoveryCodes);
    } catch (e) {
      applyFieldErrors(form, e);
    } finally {
      setBusy(false);
    }
  };

  if (!enrolment) {
    return (
      <Space orientation="vertical">
        <Typography.Paragraph>
          绑定后，登录时除密码外还需输入手机验证器应用（如微信小程序“腾讯身份验证器”、Google Authenticator、Microsoft Authenticator）显示的6位动态口令。
        </Typography.Paragraph>
        <Button type="primary" loading={busy} onClick={() => void start()}>
          开始绑定动态口令
        </Button>
      </Space>
    );
  }
  return (
    <Steps
      orientation="vertical"
      current={1}
      items={[
        {
          title: '用验证器扫描二维码',
          description: (
            <div>
              <img src={enrolment.qrDataUrl} alt="动态口令绑定二维码" width={180} height={180} />
              <Typography.Paragraph type="secondary">
                无法扫码时，可手动输入密钥：<Typography.Text code copyable data-testid="totp-secret">{enrolment.secret}</Typography.Text>
              </Typography.Paragraph>
            </div>
          ),
        },
        {
          title: '输入验证器显示的6位口令完成绑定',
          description: (
            <Form form={form} layout="inline" onFinish={(v) => void confirm(v)}>
              <Form.Item name="code" rules={[zodRule(totpCodeSchema)]}>
                <Input placeholder="请输入6位动态口令" inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  确认绑定
                </Button>
              </Form.Item>
            </Form>
          ),
        },
      ]}
    />
  );
}
