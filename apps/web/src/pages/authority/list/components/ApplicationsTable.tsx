import { useMemo } from 'react';
import { Button, Space, Table, Tag, Tooltip, type TableColumnsType, type TableProps } from 'antd';
import { LikeOutlined, RollbackOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { DndContext, PointerSensor, KeyboardSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { ListItem, SortKey } from '../../api';
import { CHECK_COLORS, CHECK_LABELS, PAPER_COLORS, PAPER_LABELS } from '../../shared/labels';
import { formatDateTime } from '../../../application/shared/format';
import type { ListParams } from '../useListParams';
import { DragHandle, SortableIds, TableRow, verticalOnly } from './SortableRows';

interface Props {
  items: ListItem[];
  total: number;
  loading: boolean;
  params: ListParams;
  onParams: (patch: Partial<ListParams>) => void;
  selected: string[];
  onSelect: (ids: string[]) => void;
  /** Why 推荐 is not possible now (not closed, top level); undefined when it is. */
  recommendBlocked: string | undefined;
  busyId: string | null;
  onRecommend: (item: ListItem) => void;
  onUnrecommend: (item: ListItem) => void;
  /** A recommended row was dropped onto another one. */
  onMove: (activeId: string, overId: string) => void;
}

const SORT_COLUMNS: Record<string, SortKey> = { organisationName: 'name', number: 'number', regionName: 'region', submittedAt: 'submittedAt' };

/** The applications of one quota group: recommended ones on top in rank order, draggable; server-side paging and sorting. */
export function ApplicationsTable(p: Props) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const recommendedIds = useMemo(() => p.items.filter((i) => i.recommended).map((i) => i.id), [p.items]);
  const sortable = useMemo(() => new Set(recommendedIds), [recommendedIds]);
  const sortOrderOf = (key: SortKey) => (p.params.sort === key ? (p.params.order === 'desc' ? 'descend' : 'ascend') : null);

  const columns: TableColumnsType<ListItem> = [
    {
      title: '推荐顺序',
      key: 'rank',
      width: 92,
      align: 'center',
      render: (_, r) =>
        r.recommended ? (
          <Space size={4}>
            <DragHandle label={`拖动调整${r.organisationName}的推荐顺序`} />
            <span className="rank-badge" data-testid="rank">
              {r.rank ?? '—'}
            </span>
          </Space>
        ) : r.lowerRank ? (
          <span className="authority-sub" title="下级推荐顺序" data-testid="lower-rank">
            下级第{r.lowerRank}位
          </span>
        ) : null,
    },
    {
      title: '申报单位',
      dataIndex: 'organisationName',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (_, r) => (
        <div>
          <Link to={`/authority/applications/${r.id}`} className="authority-name" data-testid="row-name">
            {r.organisationName}
          </Link>
          <div className="authority-sub">{r.categoryTitle}</div>
        </div>
      ),
    },
    {
      title: '申报编号',
      dataIndex: 'number',
      sorter: true,
      sortOrder: sortOrderOf('number'),
      width: 170,
      responsive: ['md'],
      render: (v: string) => <span className="authority-number">{v}</span>,
    },
    { title: '所属地区', dataIndex: 'regionName', sorter: true, sortOrder: sortOrderOf('region'), width: 120, responsive: ['lg'] },
    {
      title: '联系人',
      key: 'contact',
      width: 120,
      responsive: ['lg'],
      render: (_, r) => (
        <div>
          {r.contactName ?? '—'}
          <div className="authority-sub">{r.contactMobileMasked ?? ''}</div>
        </div>
      ),
    },
    {
      title: '提交时间',
      dataIndex: 'submittedAt',
      sorter: true,
      sortOrder: sortOrderOf('submittedAt'),
      width: 110,
      responsive: ['xl'],
      render: (v: string) => <span className="authority-sub">{formatDateTime(v).slice(0, 16)}</span>,
    },
    {
      title: '形式审查',
      key: 'check',
      width: 96,
      render: (_, r) => (
        <Space size={2} orientation="vertical">
          <Tooltip title={r.checkStatus === 'returned' ? r.checkReason : undefined}>
            <Tag color={CHECK_COLORS[r.checkStatus]} data-testid="check-status">
              {CHECK_LABELS[r.checkStatus]}
            </Tag>
          </Tooltip>
          {r.reopened ? <Tag color="orange">临时开放中</Tag> : null}
        </Space>
      ),
    },
    {
      title: '纸质材料',
      key: 'paper',
      width: 96,
      responsive: ['xl'],
      render: (_, r) => (r.paperResult ? <Tag color={PAPER_COLORS[r.paperResult]}>{PAPER_LABELS[r.paperResult]}</Tag> : <span className="authority-sub">未核对</span>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, r) =>
        r.recommended ? (
          <Button size="small" icon={<RollbackOutlined />} loading={p.busyId === r.id} onClick={() => p.onUnrecommend(r)} data-testid="btn-unrecommend">
            取消推荐
          </Button>
        ) : (
          <Tooltip title={p.recommendBlocked ?? (r.checkStatus === 'returned' ? '形式审查已退回，不能推荐' : undefined)}>
            <Button
              size="small"
              type="primary"
              ghost
              icon={<LikeOutlined />}
              loading={p.busyId === r.id}
              disabled={!!p.recommendBlocked || r.checkStatus === 'returned'}
              onClick={() => p.onRecommend(r)}
              data-testid="btn-recommend"
            >
              推荐
            </Button>
          </Tooltip>
        ),
    },
  ];

  const onChange: TableProps<ListItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = s?.order ? SORT_COLUMNS[String(s.field)] : undefined;
      p.onParams({ sort: key ?? null, order: key ? (s?.order === 'descend' ? 'desc' : 'asc') : null });
    } else if (extra.action === 'paginate') {
      p.onParams({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
    }
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) p.onMove(String(active.id), String(over.id));
  };

  return (
    <DndContext sensors={sensors} modifiers={[verticalOnly]} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={recommendedIds} strategy={verticalListSortingStrategy}>
        <SortableIds.Provider value={sortable}>
          <Table<ListItem>
            className="authority-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={p.items}
            loading={p.loading}
            components={{ body: { row: TableRow } }}
            rowClassName={(r) => (r.recommended ? 'row-recommended' : '')}
            rowSelection={{ selectedRowKeys: p.selected, onChange: (keys) => p.onSelect(keys.map(String)), preserveSelectedRowKeys: true }}
            pagination={{
              current: p.params.page,
              pageSize: p.params.pageSize,
              total: p.total,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (t) => `共 ${t} 份`,
            }}
            scroll={{ x: 'max-content' }}
            onChange={onChange}
            onRow={(r) => ({ 'data-testid': `row-${r.number}` }) as React.HTMLAttributes<HTMLTableRowElement>}
          />
        </SortableIds.Provider>
      </SortableContext>
    </DndContext>
  );
}
