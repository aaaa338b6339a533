import { Progress, Space, Table, Tag, Typography } from 'antd';
import { ASSIGNMENT_STATE_LABELS, ASSIGNMENT_STATES } from '@fw/shared';
import { STATE_COLORS, type ExpertRow } from '../model';

/** Per expert: load against the cap, counts by state, and (expanded) the applications. */
export function ByExpertTable({ rows }: { rows: ExpertRow[] }) {
  return (
    <Table<ExpertRow>
      className="authority-table"
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 10, showSizeChanger: true, showTotal: (n) => `共 ${n} 位专家` }}
      locale={{ emptyText: '专家库中没有在用的专家' }}
      data-testid="by-expert"
      expandable={{
        rowExpandable: (e) => e.rows.length > 0,
        expandedRowRender: (e) => (
          <Space size={[4, 4]} wrap>
            {e.rows.map((r) => (
              <Tag key={r.id} color={STATE_COLORS[r.state]}>
                {r.application?.number} {r.application?.applicantName} · {ASSIGNMENT_STATE_LABELS[r.state]}
              </Tag>
            ))}
          </Space>
        ),
      }}
      columns={[
        {
          title: '专家',
          key: 'name',
          width: 200,
          render: (_, e) => (
            <Space orientation="vertical" size={0}>
              <span className="authority-name">
                {e.name} {e.active ? null : <Tag>已停用</Tag>}
              </span>
              <span className="authority-sub">{e.employerName}</span>
            </Space>
          ),
        },
        {
          title: '负担',
          key: 'load',
          width: 200,
          render: (_, e) => (
            <Space>
              <Progress percent={e.cap ? Math.round((e.load / e.cap) * 100) : 100} size="small" showInfo={false} style={{ width: 100 }} />
              <Typography.Text>
                {e.load} / {e.cap || '–'}
              </Typography.Text>
            </Space>
          ),
        },
        ...ASSIGNMENT_STATES.map((s) => ({
          title: ASSIGNMENT_STATE_LABELS[s],
          key: s,
          width: 90,
          render: (_: unknown, e: ExpertRow) => (e.counts[s] ? e.counts[s] : <Typography.Text type="secondary">0</Typography.Text>),
        })),
      ]}
    />
  );
}
