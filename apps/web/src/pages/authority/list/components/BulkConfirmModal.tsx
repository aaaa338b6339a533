import { Alert, List, Modal, Typography } from 'antd';
import type { BulkAction, BulkPreview } from '../../api';

export const BULK_LABELS: Record<BulkAction, string> = { recommend: '推荐所选', unrecommend: '取消推荐', 'check-pass': '通过形式审查' };

interface Props {
  action: BulkAction | null;
  preview: BulkPreview | null;
  committing: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** What a bulk action will do — count, names, quota problems — committed only on 确认. */
export function BulkConfirmModal({ action, preview, committing, onConfirm, onCancel }: Props) {
  const problems = preview?.items.filter((i) => i.problem).length ?? 0;
  const blocked = !preview || preview.count === 0 || preview.quotaProblems.length > 0;
  return (
    <Modal
      open={!!action && !!preview}
      title={action ? `确认${BULK_LABELS[action]}` : ''}
      okText="确认"
      cancelText="取消"
      okButtonProps={{ disabled: blocked, loading: committing, 'data-testid': 'btn-bulk-confirm' }}
      onOk={onConfirm}
      onCancel={onCancel}
      width={560}
    >
      {preview ? (
        <>
          <p data-testid="bulk-count">
            将对 <Typography.Text strong>{preview.count}</Typography.Text> 份申报书执行“{action ? BULK_LABELS[action] : ''}”
            {problems ? `，另有 ${problems} 份不能执行（见下）` : ''}。
          </p>
          {preview.quotaProblems.length ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title="超出推荐名额，请减少所选申报书后再试"
              description={
                <ul className="warning-list">
                  {preview.quotaProblems.map((q) => (
                    <li key={q}>{q}</li>
                  ))}
                </ul>
              }
              data-testid="bulk-quota-problems"
            />
          ) : null}
          <List
            size="small"
            bordered
            style={{ maxHeight: 320, overflow: 'auto' }}
            dataSource={preview.items}
            renderItem={(i) => (
              <List.Item>
                <span>{i.organisationName}</span>
                {i.problem ? (
                  <Typography.Text type="danger">{i.problem}</Typography.Text>
                ) : (
                  <Typography.Text type={i.note ? 'warning' : 'success'}>{i.note ?? '可执行'}</Typography.Text>
                )}
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Modal>
  );
}
