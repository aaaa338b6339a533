import { Alert, Button, Modal, Typography } from 'antd';

/** The recovery codes, shown once: the server keeps only their hashes. */
export function RecoveryCodesModal({ codes, onClose }: { codes: string[] | null; onClose: () => void }) {
  return (
    <Modal
      open={!!codes}
      title="请保存恢复码"
      closable={false}
      maskClosable={false}
      footer={<Button type="primary" onClick={onClose}>我已妥善保存</Button>}
    >
      <Alert type="warning" showIcon title="恢复码只显示这一次。手机丢失或无法使用验证器时，可用一个恢复码代替动态口令登录，每个只能用一次。" style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable={{ text: (codes ?? []).join('\n'), tooltips: ['复制全部', '已复制'] }}>
        <ol className="recovery-codes" data-testid="recovery-codes">
          {(codes ?? []).map((c) => (
            <li key={c}>
              <Typography.Text code>{c}</Typography.Text>
            </li>
          ))}
        </ol>
      </Typography.Paragraph>
    </Modal>
  );
}
