import { Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { DECISION_LABELS, DECISIONS, type Decision, type DecisionRow, type RankingRow } from '@fw/shared';
import { score } from '../ranking/format';

interface Props {
  rows: DecisionRow[];
  /** The group's ranking rows, for the score and official rank shown beside each decision. */
  ranking: RankingRow[];
  locked: boolean;
  onEdit: (row: DecisionRow, change: { decision?: Decision; note?: string | null }) => void;
}

/** One group's draft in ranking order: the decision and a note per application, editable until release. */
export function DecisionTable({ rows, ranking, locked, onEdit }: Props) {
  const byId = new Map(ranking.map((r) => [r.applicationId, r]));
  const ordered = [...rows].sort((a, b) => (byId.get(a.applicationId)?.rank ?? Infinity) - (byId.get(b.applicationId)?.rank ?? Infinity));
  const columns: TableColumnsType<DecisionRow> = [
    { title: '排名', key: 'rank', width: 60, align: 'center', render: (_: unknown, r) => byId.get(r.applicationId)?.rank ?? '—' },
    { title: '申报单位', dataIndex: 'name', render: (v: string, r) => <div><div className="authority-name">{v}</div><div className="authority-number">{r.number}</div></div> },
    { title: '地区', dataIndex: 'regionName', width: 180 },
    { title: '得分', key: 'score', width: 80, align: 'right', render: (_: unknown, r) => score(byId.get(r.applicationId)?.trimmedMean) },
    {
      title: '决定',
      dataIndex: 'decision',
      width: 120,
      render: (v: Decision, r) =>
        locked ? (
          <Tag color={v === 'selected' ? 'green' : undefined}>{DECISION_LABELS[v]}</Tag>
        ) : (
        <Select<Decision>
          value={v}
          disabled={locked}
          style={{ width: 100 }}
          className={v === 'selected' ? 'decision-selected' : undefined}
          options={DECISIONS.map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
          onChange={(d) => onEdit(r, { decision: d })}
          data-testid="decision-select"
        />
        ),
    },
    {
      title: '备注',
      dataIndex: 'note',
      width: 260,
      render: (v: string | null, r) =>
        locked ? (
          v ?? ''
        ) : (
        <Input defaultValue={v ?? ''} disabled={locked} maxLength={500} placeholder="如：现场考察情况" onBlur={(e) => e.target.value !== (v ?? '') && onEdit(r, { note: e.target.value || null })} />
        ),
    },
  ];
  return (
    <Table<DecisionRow>
      className="authority-table"
      size="small"
      rowKey="applicationId"
      rowClassName={(r) => (r.decision === 'selected' ? 'row-recommended' : '')}
      columns={columns}
      dataSource={ordered}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '尚未拟定' }}
      data-testid="decisions-table"
    />
  );
}
