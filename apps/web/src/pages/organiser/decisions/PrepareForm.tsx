import { Button, InputNumber, Popconfirm, Table } from 'antd';
import type { DecisionLimits, RankingGroup } from '@fw/shared';

interface Props {
  groups: RankingGroup[];
  topN: DecisionLimits;
  limits: DecisionLimits;
  onTopN: (key: string, n: number) => void;
  onLimit: (key: string, n: number | null) => void;
  onPrepare: () => void;
  hasDraft: boolean;
  disabled: boolean;
  busy: boolean;
}

/** Per category: how many to take from the top of the ranking, and the maximum the limit check uses. */
export function PrepareForm({ groups, topN, limits, onTopN, onLimit, onPrepare, hasDraft, disabled, busy }: Props) {
  const button = (
    <Button type="primary" loading={busy} disabled={disabled} onClick={hasDraft ? undefined : onPrepare} data-testid="decisions-prepare">
      按排名拟定
    </Button>
  );
  return (
    <div>
      <Table<RankingGroup>
        size="small"
        rowKey="key"
        dataSource={groups}
        pagination={false}
        columns={[
          { title: '类别', dataIndex: 'title' },
          { title: '进入评审', key: 'n', width: 90, align: 'right', render: (_: unknown, g) => g.rows.length },
          { title: '已评分', key: 'scored', width: 80, align: 'right', render: (_: unknown, g) => g.rows.filter((r) => r.rank !== null).length },
          {
            title: '取前N名入选',
            key: 'topN',
            width: 140,
            render: (_: unknown, g) => <InputNumber min={0} max={g.rows.length} value={topN[g.key] ?? 0} disabled={disabled} onChange={(v) => onTopN(g.key, v ?? 0)} data-testid={`decisions-topn-${g.key}`} />,
          },
          {
            title: '入选上限',
            key: 'limit',
            width: 140,
            render: (_: unknown, g) => <InputNumber min={0} placeholder="不限" value={limits[g.key] ?? null} onChange={(v) => onLimit(g.key, v)} data-testid={`decisions-limit-${g.key}`} />,
          },
        ]}
      />
      <div className="authority-toolbar" style={{ marginTop: 12 }}>
        <span className="authority-toolbar-grow" />
        {hasDraft ? (
          <Popconfirm title="重新拟定将覆盖当前草稿（包括手工调整），确定吗？" okText="重新拟定" cancelText="取消" onConfirm={onPrepare} disabled={disabled}>
            {button}
          </Popconfirm>
        ) : (
          button
        )}
      </div>
    </div>
  );
}
