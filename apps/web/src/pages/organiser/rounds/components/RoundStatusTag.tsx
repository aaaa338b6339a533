import { Tag } from 'antd';
import { STATUS_COLORS, statusLabel } from '../roundText';

/** 草稿 / 填报中 / 填报结束 / 评审中 / 已发布. */
export function RoundStatusTag({ status }: { status: string }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="round-status">
      {statusLabel(status)}
    </Tag>
  );
}
