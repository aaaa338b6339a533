import { App, Button, Tooltip } from 'antd';
import { ROUND_STATUS_LABELS, ROUND_TRANSITION_LABELS, type OrganiserRoundView } from '@fw/shared';
import { organiserRoundsApi } from '../../rounds/api';

const CONFIRM: Record<string, string> = {
  open: '开放后，辖区内的申报主体即可在填报时间内开始填写申报书。开放后已有申报书的，类别、模式和申报书版本不能再修改。',
  closed: '结束填报后，申报主体不能再开始或提交申报书。',
  reviewing: '进入评审后，可分配专家评审、组织现场考察。',
};

/** The one step the round can take next (开放填报 / 结束填报 / 进入评审), disabled with the reason when blocked. */
export function NextStepButton({ round, dirty, onMoved }: { round: OrganiserRoundView; dirty: boolean; onMoved: (r: OrganiserRoundView) => void }) {
  const { modal, message } = App.useApp();
  const next = round.next;
  if (!next) return null;
  const reason = dirty ? '请先保存修改' : next.blocker;
  const label = ROUND_TRANSITION_LABELS[next.status];
  const go = () =>
    modal.confirm({
      title: `${label}？`,
      content: CONFIRM[next.status],
      okText: label,
      cancelText: '取消',
      onOk: async () => {
        try {
          const moved = await organiserRoundsApi.move(round.id, next.status);
          message.success(`批次已改为“${ROUND_STATUS_LABELS[next.status]}”`);
          onMoved(moved);
        } catch {
          // shown centrally
        }
      },
    });
  return (
    <Tooltip title={reason}>
      <Button disabled={!!reason} onClick={go} data-testid="next-step">
        {label}
      </Button>
    </Tooltip>
  );
}
