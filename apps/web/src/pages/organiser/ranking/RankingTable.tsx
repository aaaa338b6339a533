import { Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { RANK_METHOD_LABELS, type RankMethod, type RankingRow } from '@fw/shared';
import { score } from './format';

interface Props {
  rows: RankingRow[];
  /** The round's ranking method (its column is marked 排名依据). */
  rankBy: RankMethod;
  /** The score the organiser looks at (its column highlighted). */
  viewBy: RankMethod;
  highSpreadSd: number;
}

const SHORT: Record<RankMethod, string> = { mean: '平均分', trimmedMean: '去极值平均', normalised: '标准化分' };

/** One group's ranking: the three scores side by side, spread, progress, and the flags with reasons. */
export function RankingTable({ rows, rankBy, viewBy, highSpreadSd }: Props) {
  const scoreColumn = (m: RankMethod) => ({
    title: (
      <Tooltip title={RANK_METHOD_LABELS[m]}>
        <span>
          {SHORT[m]}
          {m === rankBy ? <Tag color="blue" style={{ marginLeft: 4, marginInlineEnd: 0 }}>排名依据</Tag> : null}
        </span>
      </Tooltip>
    ),
    dataIndex: m,
    width: m === rankBy ? 150 : 100,
    align: 'right' as const,
    className: m === viewBy ? 'ranking-col-active' : undefined,
    render: (v: number | null, r: RankingRow) =>
      m === 'trimmedMean' && v !== null ? <Tooltip title={r.trimNote}><span className="ranking-score">{score(v)}</span></Tooltip> : <span className="ranking-score">{score(v)}</span>,
  });
  const columns: TableColumnsType<RankingRow> = [
    {
      title: '排名',
      dataIndex: 'rank',
      width: 64,
      align: 'center',
      render: (v: number | null, r) =>
        v === null ? <span className="ranking-muted">—</span> : <Tooltip title={r.tiedWithPrevious ? '与上一名得分相同，按并列规则排序' : undefined}><span className="rank-badge">{v}</span>{r.tiedWithPrevious ? <sup>=</sup> : null}</Tooltip>,
    },
    {
      title: '申报单位',
      dataIndex: 'name',
      render: (v: string, r) => (
        <div>
          <div className="authority-name" data-testid="ranking-name">{v}</div>
          <div className="authority-number">{r.number}</div>
        </div>
      ),
    },
    { title: '地区', dataIndex: 'regionName', width: 180 },
    scoreColumn('mean'),
    scoreColumn('trimmedMean'),
    scoreColumn('normalised'),
    {
      title: '标准差',
      dataIndex: 'sd',
      width: 80,
      align: 'right',
      render: (v: number | null, r) => <Tooltip title={r.min !== null ? `最低${score(r.min)}，最高${score(r.max)}` : undefined}><span className="ranking-score">{score(v)}</span></Tooltip>,
    },
    {
      title: '评审进度',
      key: 'progress',
      width: 90,
      align: 'center',
      render: (_: unknown, r) => <span className={r.submitted < r.assigned ? 'ranking-warn' : undefined}>{r.submitted}/{r.assigned}</span>,
    },
    {
      title: '提示',
      key: 'flags',
      width: 190,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          {r.outliers.map((o) => (
            <Tooltip key={o.expertId} title={`${o.expertName}：${o.reason}`}>
              <Tag color="red" data-testid="ranking-outlier">异常评分 {score(o.total)}</Tag>
            </Tooltip>
          ))}
          {r.highSpread ? (
            <Tooltip title={`专家评分标准差${score(r.sd)}分，超过${highSpreadSd}分`}>
              <Tag color="orange">分歧较大</Tag>
            </Tooltip>
          ) : null}
          {r.count === 0 ? <Tag>尚无评分</Tag> : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<RankingRow>
      className="authority-table"
      size="small"
      rowKey="applicationId"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '本类暂无进入评审的申报' }}
      data-testid="ranking-table"
    />
  );
}
