import { useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { RESET_TOTP_REASON_MAX, resetTotpBody, type ResetTotpBody } from '@fw/shared';
import { applyFieldErrors, zodRule } from '../../../forms/zodRule';
import { resetAccountTotp, type AccountView } from '../api';

interface Props {
  /** The account whose second factor is reset; null keeps the dialog closed. */
  account: AccountView | null;
  onClose: (done: boolean) => void;
}

/** 重置动态口令: confirm with a reason (kept in the audit log); the holder binds a new authenticator at the next login. */
export function ResetTotpModal({ account, onClose }: Props) {
  const [form] = Form.useForm<ResetTotpBody>();
  const [submitting, setSubmitting] = useState(false);

  const close = (done: boolean) => {
    form.resetFields();
    onClose(done);
  };

  const finish = async (v: ResetTotpBody) => {
    if (!account) return;
    setSubmitting(true);
    try {
      await resetAccountTotp(account.id, resetTotpBody.parse(v));
      close(true);
    } catch (e) {
      applyFieldErrors(form, e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={!!account}
      title={`重置“${account?.displayName ?? account?.username ?? ''}”的动态口令？`}
      onCancel={() => close(false)}
      maskClosable={false}
      destroyOnHidden
      footer={
        <>
          <Button onClick={() => close(false)}>取消</Button>
          <Button type="primary" danger loading={submitting} onClick={() => form.submit()} data-testid="reset-totp-submit">
            确认重置
          </Button>
        </>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="仅在持有人手机遗失或更换、且已核实本人身份后操作"
        description="重置后，该账号原有的动态口令和恢复码全部作废，所有登录立即失效；持有人下次登录时须重新绑定验证器。本操作及原因将记入审计日志。"
      />
      <Form form={form} layout="vertical" onFinish={finish} preserve={false}>
        <Form.Item name="reason" label="重置原因" rules={[zodRule(resetTotpBody.shape.reason)]}>
          <Input.TextArea rows={3} maxLength={RESET_TOTP_REASON_MAX} showCount placeholder="如：手机遗失，已通过办公电话核实为本人" data-testid="reset-totp-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
