import { useState } from 'react';
import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { CATEGORIES, CATEGORY_LABELS, UNIT_SOURCE_LABELS, type Category, type UnitAdminQuery, type UnitAdminView } from '@fw/shared';
import { useRequest } from '../../../api/useRequest';
import { unitsApi } from './api';

type Filters = Pick<UnitAdminQuery, 'page' | 'pageSize' | 'status'> & { q?: string; category?: Category; region?: string; year?: number; batch?: string };

const dateOf = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : '');

const columns: ColumnsType<UnitAdminView> = [
  {
    title: '示范单位',
    key: 'name',
    render: (_, u) => (
      <Space orientation="vertical" size={0}>
        <span className="authority-name">{u.name}</span>
        <span className="authority-sub">{u.uscc ?? '无统一社会信用代码'}</span>
      </Space>
    ),
  },
  { title: '地区', dataIndex: 'regionName', width: 170, ellipsis: true },
  {
    title: '类别 / 模式',
    key: 'category',
    width: 170,
    render: (_, u) => (
      <Space orientation="vertical" size={0}>
        <span>{CATEGORY_LABELS[u.category]}</span>
        {u.mode ? <span className="authority-sub">{u.mode}</span> : null}
      </Space>
    ),
  },
  { title: '批次', key: 'batch', width: 130, render: (_, u) => `${u.batch}（${u.year}）` },
  { title: '来源', key: 'source', width: 90, render: (_, u) => UNIT_SOURCE_LABELS[u.source] ?? u.source },
  { title: '申报账号', key: 'matched', width: 90, render: (_, u) => (u.matched ? <Tag color="green">已对应</Tag> : <Typography.Text type="secondary">未对应</Typography.Text>) },
  {
    title: '状态',
    key: 'status',
    width: 200,
    render: (_, u) =>
      u.status === 'active' ? (
        <Tag color="blue">有效</Tag>
      ) : (
        <Space orientation="vertical" size={0}>
          <Tag color="red">已撤销 {dateOf(u.revokedAt)}</Tag>
          <span className="authority-sub">{u.revokeReason}</span>
        </Space>
      ),
  },
];

/** 示范单位名单 of the territory: filters and paging. */
export function UnitTable({ parentRegion, version }: { parentRegion?: string; version: number }) {
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20, status: 'all' });
  const [keyword, setKeyword] = useState('');
  const list = useRequest((signal) => unitsApi.list(filters, signal), [JSON.stringify(filters), version]);
  const regions = useRequest(() => unitsApi.regions(parentRegion), [parentRegion ?? '']);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, ...patch }));

  return (
    <>
      <div className="authority-toolbar">
        <Input.Search allowClear placeholder="名称或统一社会信用代码" value={keyword} onChange={(e) => setKeyword(e.target.value)} onSearch={(q) => set({ q: q || undefined })} style={{ width: 230 }} />
        <Select allowClear placeholder="示范类别" value={filters.category} onChange={(category) => set({ category })} options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} style={{ width: 120 }} />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="地区"
          value={filters.region}
          onChange={(region) => set({ region })}
          options={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
          style={{ width: 130 }}
        />
        <Select allowClear placeholder="批次" value={filters.batch} onChange={(batch) => set({ batch })} options={(list.data?.batches ?? []).map((b) => ({ value: b, label: b }))} style={{ width: 110 }} />
        <Select allowClear placeholder="年份" value={filters.year} onChange={(year) => set({ year })} options={(list.data?.years ?? []).map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 100 }} />
        <Select
          value={filters.status}
          onChange={(status) => set({ status })}
          style={{ width: 100 }}
          options={[
            { value: 'all', label: '全部状态' },
            { value: 'active', label: '有效' },
            { value: 'revoked', label: '已撤销' },
          ]}
        />
        <span className="authority-toolbar-grow" />
        <Button icon={<ReloadOutlined />} onClick={list.reload}>
          刷新
        </Button>
      </div>
      {list.error ? <Alert type="error" showIcon title={list.error.message} className="authority-alert" /> : null}
      <Table<UnitAdminView>
        className="authority-table"
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{ emptyText: '本辖区还没有示范单位：可点击“导入历史示范单位”导入往批次名单' }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 个`,
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
      />
    </>
  );
}
