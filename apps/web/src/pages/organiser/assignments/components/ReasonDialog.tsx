import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { assignmentOverrideBody, OVERRIDE_REASON_MAX, type ConflictView } from '@fw/shared';
import { applyFieldErrors, zodRule } from '../../../../forms/zodRule';
import { assignmentsApi } from '../api';
import { ConflictTags } from './ConflictTags';

export interface PendingOverride {
  action: 'assign' | 'exclude';
  applicationId: string;
  expertId: string;
  applicationLabel: string;
  expertName: string;
  /** Flagged conflicts of the pair: assigning overrides them. */
  conflicts: ConflictView[];
  /** The expert already started the review (exclusion only). */
  started?: boolean;
  /** The expert is at the cap (assign only). */
  full?: boolean;
}

/** The organiser's manual decision with its reason (kept in the audit log with the conflicts overridden). */
export function ReasonDialog({ roundId, pending, onClose }: { roundId: string; pending: PendingOverride | null; onClose: (done: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const assign = pending?.action === 'assign';

  const finish = async ({ reason }: { reason: string }) => {
    if (!pending) return;
    setSaving(true);
    try {
      const res = await assignmentsApi.override(roundId, { action: pending.action, applicationId: pending.applicationId, expertId: pending.expertId, reason });
      message.success(res.note);
      form.resetFields();
      onClose(true);
    } catch (e) {
      applyFieldErrors(form, e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!pending}
      title={assign ? '人工指定专家' : '排除专家'}
      okText={assign ? (pending?.conflicts.length ? '仍然指定' : '指定') : '排除'}
      okButtonProps={{ danger: !assign || !!pending?.conflicts.length, loading: saving, ...({ 'data-testid': 'override-confirm' } as ButtonProps) }}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        onClose(false);
      }}
      destroyOnHidden
    >
      {pending ? (
        <>
          <Typography.Paragraph>
            {assign ? '指定' : '排除'} <strong>{pending.expertName}</strong> {assign ? '评审' : '对'} <strong>{pending.applicationLabel}</strong>
            {assign ? '' : ' 的评审'}。
          </Typography.Paragraph>
          {assign && pending.conflicts.length ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title="该组合存在利益冲突，指定即表示组织单位确认忽略以下冲突（记入操作日志）"
              description={<ConflictTags conflicts={pending.conflicts} />}
            />
          ) : null}
          {assign && pending.full ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="该专家已达评审上限，仍可人工指定" /> : null}
          {!assign ? (
            <Alert
              type={pending.started ? 'warning' : 'info'}
              showIcon
              style={{ marginBottom: 12 }}
              title={pending.started ? '该专家已开始评审，排除后其草稿作废；已提交评分的不能排除' : '排除后自动分配不会再把该申报书分给该专家'}
            />
          ) : null}
          <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void finish(v)}>
            <Form.Item name="reason" label="理由" rules={[zodRule(assignmentOverrideBody.shape.reason)]}>
              <Input.TextArea rows={3} maxLength={OVERRIDE_REASON_MAX} showCount placeholder={assign ? '如：该细分领域专家不足，经评审组长同意' : '如：专家反映与申报单位有合作关系'} data-testid="override-reason" />
            </Form.Item>
          </Form>
        </>
      ) : null}
    </Modal>
  );
}
