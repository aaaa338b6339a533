import { useState } from 'react';
import { Alert, App, Input, Modal, Typography } from 'antd';
import type { RevocationProposalView } from '@fw/shared';
import { unitsApi } from './api';

/** Confirms (撤销示范称号) or dismisses (不予撤销, with a reason) one proposal. */
export function DecisionModal({
  proposal,
  decision,
  year,
  onClose,
  onDone,
}: {
  proposal: RevocationProposalView | null;
  decision: 'confirm' | 'dismiss';
  year: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dismiss = decision === 'dismiss';

  const close = () => {
    setNote('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    if (!proposal) return;
    if (dismiss && note.trim().length < 2) return setError('请填写不予撤销的理由');
    setSaving(true);
    try {
      if (dismiss) await unitsApi.dismiss(proposal.unitId, { year, note: note.trim() });
      else await unitsApi.confirm(proposal.unitId, { year, note: note.trim() || undefined });
      message.success(dismiss ? `已记录：不予撤销“${proposal.name}”` : `已撤销“${proposal.name}”的示范称号，公开名单不再列出`);
      setNote('');
      setError(null);
      onDone();
    } catch {
      // Shown by the central handler.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!proposal}
      title={dismiss ? '不予撤销' : '确认撤销示范称号'}
      okText={dismiss ? '不予撤销' : '确认撤销'}
      okButtonProps={{ danger: !dismiss, loading: saving }}
      cancelText="取消"
      onOk={submit}
      onCancel={close}
      destroyOnHidden
    >
      {proposal ? (
        <>
          <Typography.Paragraph>
            <strong>{proposal.name}</strong>（{proposal.title}，{proposal.batch}）
          </Typography.Paragraph>
          <Alert type={dismiss ? 'info' : 'warning'} showIcon style={{ marginBottom: 12 }} title={`撤销理由：${proposal.reasons.join('；')}`} />
          {!dismiss ? <Typography.Paragraph type="secondary">确认后该单位从公开的示范单位名单中移除，撤销理由和日期记入单位档案和操作日志。</Typography.Paragraph> : null}
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={dismiss ? '不予撤销的理由（必填），如：经核实已恢复经营' : '备注（可选）'}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            status={error ? 'error' : undefined}
            style={{ marginBottom: 20 }}
          />
          {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
        </>
      ) : null}
    </Modal>
  );
}
