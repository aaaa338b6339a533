import { Tag } from 'antd';
import { EXPERT_TASK_STATE_LABELS, type ExpertTaskState } from '@fw/shared';

const COLORS: Record<ExpertTaskState, string> = { toDeclare: 'gold', reviewing: 'processing', submitted: 'success', declined: 'default' };

/** 待声明 / 评审中 / 已提交 / 已回避 */
export function TaskStateTag({ state }: { state: ExpertTaskState }) {
  return (
    <Tag color={COLORS[state]} data-testid="task-state" data-state={state}>
      {EXPERT_TASK_STATE_LABELS[state]}
    </Tag>
  );
}
