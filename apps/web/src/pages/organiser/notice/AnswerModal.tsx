import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Typography } from 'antd';
import { OBJECTION_ANSWER_MAX, WITHDRAW_REASON_MAX, type AnswerObjectionBody } from '@fw/shared';
import { isApiError } from '../../../api/client';
import { noticeApi, type AdminObjection } from './api';

/** 答复异议: uphold (the unit named leaves the list, with a public reason) or reject. */
export function AnswerModal({ objection, onClose, onDone }: { objection: AdminObjection | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<AnswerObjectionBody>();
  const outcome = Form.useWatch('outcome', form);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [contact, setContact] = useState<string | null>(null);

  const submit = async () => {
    if (!objection) return;
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await noticeApi.answer(objection.id, v);
      onDone();
      onClose();
    } catch (e) {
      setError(isApiError(e) ? e.message : '提交失败');
    } finally {
      setSaving(false);
    }
  };
  const reveal = async () => {
    if (!objection) return;
    try {
      setContact((await noticeApi.contact(objection.id)).contact);
    } catch {
      // The central handler shows the message.
    }
  };

  return (
    <Modal
      title="答复异议"
      open={!!objection}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="提交答复"
      cancelText="取消"
      confirmLoading={saving}
      width={640}
      destroyOnHidden
      afterClose={() => setContact(null)}
    >
      {objection ? (
        <>
          <Typography.Paragraph>
            <b>异议对象：</b>
            {objection.entryName ?? '整个名单'}
          </Typography.Paragraph>
          <Typography.Paragraph className="notice-admin-text">{objection.text}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            异议人：{objection.contactName}，{contact ?? objection.contactMasked}{' '}
            {!contact ? (
              <Button size="small" type="link" onClick={() => void reveal()}>
                查看完整联系方式（记入日志）
              </Button>
            ) : null}
          </Typography.Paragraph>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
          <Form form={form} layout="vertical" preserve={false}>
            <Form.Item name="outcome" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
              <Radio.Group
                options={[
                  { value: 'uphold', label: objection.entryId ? '异议成立（撤销该单位）' : '异议成立' },
                  { value: 'reject', label: '异议不成立' },
                ]}
              />
            </Form.Item>
            <Form.Item name="answer" label="答复内容（告知异议人）" rules={[{ required: true, whitespace: true, min: 2, message: '请填写答复内容' }]}>
              <Input.TextArea rows={4} maxLength={OBJECTION_ANSWER_MAX} showCount />
            </Form.Item>
            {outcome === 'uphold' && objection.entryId ? (
              <Form.Item name="withdrawReason" label="撤销说明（在公示页面公开）" extra="不填则显示“经核查，异议成立”。">
                <Input maxLength={WITHDRAW_REASON_MAX} />
              </Form.Item>
            ) : null}
          </Form>
        </>
      ) : null}
    </Modal>
  );
}
