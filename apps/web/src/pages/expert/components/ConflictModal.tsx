import { useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { CONFLICT_REASON_MAX, declareConflictBody, type DeclareConflictBody, type ExpertAssignmentView } from '@fw/shared';
import { applyFieldErrors, zodRule } from '../../../forms/zodRule';
import { expertApi } from '../api';

interface Props {
  /** The task to step aside from; null keeps the dialog closed. */
  task: { id: string; organisationName: string | null } | null;
  onClose: (done: ExpertAssignmentView | null) => void;
}

/** 申请回避: the expert names the conflict; the organiser sees the reason and assigns someone else. */
export function ConflictModal({ task, onClose }: Props) {
  const [form] = Form.useForm<DeclareConflictBody>();
  const [submitting, setSubmitting] = useState(false);

  const finish = async (v: DeclareConflictBody) => {
    if (!task) return;
    setSubmitting(true);
    try {
      onClose(await expertApi.declareConflict(task.id, declareConflictBody.parse(v)));
    } catch (e) {
      applyFieldErrors(form, e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={!!task}
      title={`申请回避：${task?.organisationName ?? ''}`}
      onCancel={() => onClose(null)}
      maskClosable={false}
      destroyOnHidden
      footer={
        <>
          <Button onClick={() => onClose(null)}>取消</Button>
          <Button type="primary" danger loading={submitting} onClick={() => form.submit()} data-testid="conflict-submit">
            确认回避
          </Button>
        </>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="与申报单位存在利益关系时请申请回避"
        description="如在该单位任职或曾任职、近三年有业务合作或咨询关系、有亲属关系等。回避后您将不能查看该申报材料，组织单位将另行安排专家。"
      />
      <Form form={form} layout="vertical" onFinish={finish} preserve={false}>
        <Form.Item name="reason" label="回避原因" rules={[zodRule(declareConflictBody.shape.reason)]}>
          <Input.TextArea rows={3} maxLength={CONFLICT_REASON_MAX} showCount placeholder="如：本人近三年曾为该单位提供咨询服务" data-testid="conflict-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
