import { Button, Input, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { ASSIGNMENT_STATE_LABELS, categoryTitle, type Category } from '@fw/shared';
import { STATE_COLORS, type ApplicationRow } from '../model';

/** Per application: its experts with their state (conflicts flagged), how many are missing, and 调整. */
export function ByApplicationTable({ rows, onAdjust }: { rows: ApplicationRow[]; onAdjust: (row: ApplicationRow) => void }) {
  const [keyword, setKeyword] = useState('');
  const k = keyword.trim();
  const shown = k ? rows.filter((r) => `${r.number ?? ''}${r.applicantName ?? ''}${r.rows.map((x) => x.expert?.name ?? '').join('')}`.includes(k)) : rows;
  return (
    <>
      <div className="authority-toolbar">
        <Input.Search allowClear placeholder="申报编号、申报主体或专家姓名" onSearch={setKeyword} onChange={(e) => !e.target.value && setKeyword('')} style={{ width: 280 }} />
      </div>
      <Table<ApplicationRow>
        className="authority-table"
        rowKey="id"
        size="small"
        dataSource={shown}
        pagination={{ pageSize: 10, showSizeChanger: true, showTotal: (n) => `共 ${n} 份申报书` }}
        locale={{ emptyText: '尚无到达本级的申报书' }}
        data-testid="by-application"
        columns={[
          { title: '申报编号', dataIndex: 'number', width: 150, render: (n: string | null) => <span className="authority-number">{n}</span> },
          {
            title: '申报主体',
            key: 'name',
            width: 230,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span className="authority-name">{r.applicantName}</span>
                <span className="authority-sub">
                  {categoryTitle(r.category as Category, r.subType)} · {r.regionName ?? r.regionCode}
                </span>
              </Space>
            ),
          },
          {
            title: '评审专家',
            key: 'experts',
            render: (_, r) => (
              <Space size={[4, 4]} wrap>
                {r.rows
                  .filter((x) => x.state !== 'withdrawn')
                  .map((x) => (
                    <Tooltip key={x.id} title={[ASSIGNMENT_STATE_LABELS[x.state], x.source === 'manual' ? '人工指定' : null, x.conflictReason, ...x.conflicts.map((c) => c.reason)].filter(Boolean).join('；')}>
                      <Tag color={x.conflicts.length ? 'red' : STATE_COLORS[x.state]}>
                        {x.expert?.name ?? '专家'}
                        {x.state === 'assigned' ? '' : ` · ${ASSIGNMENT_STATE_LABELS[x.state]}`}
                      </Tag>
                    </Tooltip>
                  ))}
              </Space>
            ),
          },
          {
            title: '人数',
            key: 'count',
            width: 90,
            render: (_, r) => (r.short ? <Tag color="red">缺 {r.short} 位</Tag> : <Tag color="green">{r.active} / {r.needed}</Tag>),
          },
          {
            title: '操作',
            key: 'act',
            width: 70,
            render: (_, r) => (
              <Button size="small" type="link" onClick={() => onAdjust(r)} data-testid={`adjust-${r.number}`}>
                调整
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
