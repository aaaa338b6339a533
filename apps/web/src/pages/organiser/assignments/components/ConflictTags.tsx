import { Space, Tag, Tooltip, Typography } from 'antd';
import { CONFLICT_KIND_LABELS, type ConflictView } from '@fw/shared';

/** The kinds of a pair's conflicts as tags, the reasons beside them (or in a tooltip when compact). */
export function ConflictTags({ conflicts, compact = false }: { conflicts: ConflictView[]; compact?: boolean }) {
  if (!conflicts.length) return null;
  if (compact) {
    return (
      <Tooltip title={conflicts.map((c) => c.reason).join('；')}>
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          冲突
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Space orientation="vertical" size={2}>
      {conflicts.map((c, i) => (
        <span key={i}>
          <Tag color="red">{CONFLICT_KIND_LABELS[c.kind]}</Tag>
          <Typography.Text type="secondary">{c.reason}</Typography.Text>
        </span>
      ))}
    </Space>
  );
}
