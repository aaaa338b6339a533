import { Button, Space, Table, Tooltip } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { CATEGORY_LABELS, type Category, type InspectionView } from '@fw/shared';
import { ResultTag } from './ResultTag';

export interface InspectionTableProps {
  items: InspectionView[];
  loading: boolean;
  onEdit: (i: InspectionView) => void;
  onResult: (i: InspectionView) => void;
}

/** The round's inspections by date: who is visited, when, where, by whom, and the result. */
export function InspectionTable({ items, loading, onEdit, onResult }: InspectionTableProps) {
  return (
    <Table<InspectionView>
      className="authority-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: '暂无考察安排' }}
      scroll={{ x: 1100 }}
      columns={[
        { title: '考察日期', dataIndex: 'scheduledOn', width: 110, sorter: (a, b) => a.scheduledOn.localeCompare(b.scheduledOn) },
        {
          title: '考察对象',
          key: 'applicant',
          render: (_v, r) => (
            <div>
              <div className="authority-name">{r.applicantName}</div>
              <div className="authority-sub">
                <span className="authority-number">{r.number}</span> · {CATEGORY_LABELS[r.category as Category] ?? r.category} · {r.regionName}
              </div>
            </div>
          ),
        },
        { title: '地点', dataIndex: 'place', width: 200, ellipsis: true },
        { title: '考察人员', key: 'inspectors', width: 200, render: (_v, r) => r.inspectors.map((i) => i.name).join('、') },
        {
          title: '结论',
          key: 'result',
          width: 190,
          render: (_v, r) => (
            <Space size={4}>
              <ResultTag result={r.result} />
              {r.files.length ? (
                <Tooltip title={r.files.map((f) => f.name).join('\n')}>
                  <span className="authority-sub"><PaperClipOutlined /> {r.files.length}</span>
                </Tooltip>
              ) : null}
            </Space>
          ),
        },
        {
          title: '操作',
          key: 'actions',
          width: 170,
          fixed: 'right',
          render: (_v, r) => (
            <Space size={0}>
              <Button type="link" size="small" disabled={r.result !== 'scheduled'} onClick={() => onEdit(r)}>修改安排</Button>
              <Button type="link" size="small" onClick={() => onResult(r)}>{r.result === 'scheduled' ? '记录结论' : '查看/更正'}</Button>
            </Space>
          ),
        },
      ]}
      expandable={{
        rowExpandable: (r) => !!r.findings,
        expandedRowRender: (r) => <div style={{ whiteSpace: 'pre-wrap' }}><b>考察发现：</b>{r.findings}</div>,
      }}
    />
  );
}
