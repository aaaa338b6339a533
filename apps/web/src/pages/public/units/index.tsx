import { useState } from 'react';
import { Alert, Button, Card, Empty, Form, Input, List, Pagination, Select, Table, Tag } from 'antd';
import { CATEGORIES, CATEGORY_LABELS, SUB_TYPE_LABELS } from '@fw/shared';
import { useRequest } from '../../../api/useRequest';
import { useNarrow } from '../../../components/useNarrow';
import { RegionCascader } from '../../organisation/certify/components/RegionCascader';
import { searchUnits, type PublicUnit, type UnitFilter } from './api';
import './units.css';

/** 服务型制造示范平台（共享制造类） */
const titleOf = (u: PublicUnit) => u.title + (u.subType ? `（${SUB_TYPE_LABELS[u.subType] ?? u.subType}）` : '');

interface SearchForm {
  q?: string;
  category?: string;
  region?: string[];
  year?: number;
  batch?: string;
}

/** /units — 示范单位名单: every published (and imported) demonstration unit still holding its title. */
export default function PublicUnitsPage() {
  const narrow = useNarrow();
  const [filter, setFilter] = useState<UnitFilter>({ page: 1, pageSize: 20 });
  const { data, error, loading } = useRequest((signal) => searchUnits(filter, signal), [JSON.stringify(filter)]);

  const apply = (v: SearchForm) =>
    setFilter({ q: v.q?.trim() || undefined, category: v.category, region: v.region?.at(-1), year: v.year, batch: v.batch, page: 1, pageSize: filter.pageSize });

  const columns = [
    { title: '单位名称', dataIndex: 'name', key: 'name' },
    { title: '示范称号', key: 'title', render: (_: unknown, u: PublicUnit) => titleOf(u) },
    { title: '所在地区', dataIndex: 'regionName', key: 'region', width: 200 },
    { title: '模式', dataIndex: 'mode', key: 'mode', width: 220, render: (m: string | null) => m || '—' },
    { title: '批次', key: 'batch', width: 120, render: (_: unknown, u: PublicUnit) => `${u.batch}（${u.year}）` },
  ];

  return (
    <div className="units-page">
      <h1 className="page-title">服务型制造示范单位名单</h1>
      <Card size="small">
        <Form<SearchForm> layout={narrow ? 'vertical' : 'inline'} onFinish={apply} className="units-search">
          <Form.Item name="q" label="名称">
            <Input allowClear placeholder="单位名称关键词" maxLength={100} data-testid="units-q" />
          </Form.Item>
          <Form.Item name="category" label="类别">
            <Select allowClear placeholder="全部" style={{ minWidth: 130 }} options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
          </Form.Item>
          <Form.Item name="region" label="地区">
            <RegionCascader />
          </Form.Item>
          <Form.Item name="year" label="年份">
            <Select allowClear placeholder="全部" style={{ minWidth: 100 }} options={(data?.years ?? []).map((y) => ({ value: y, label: `${y}年` }))} />
          </Form.Item>
          <Form.Item name="batch" label="批次">
            <Select allowClear placeholder="全部" style={{ minWidth: 110 }} options={(data?.batches ?? []).map((b) => ({ value: b, label: b }))} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" block={narrow} data-testid="units-search">
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      <Card size="small" title={data ? `共 ${data.total} 个示范单位` : '示范单位'}>
        {narrow ? (
          <>
            <List
              loading={loading}
              dataSource={data?.items ?? []}
              locale={{ emptyText: <Empty description="没有符合条件的示范单位" /> }}
              renderItem={(u) => (
                <List.Item key={u.id} data-testid="unit-item">
                  <div className="units-card">
                    <div className="units-card-name">{u.name}</div>
                    <div className="units-card-meta">
                      <Tag color="red">{titleOf(u)}</Tag>
                      <span>
                        {u.batch}（{u.year}）
                      </span>
                    </div>
                    <div className="units-card-meta">{u.regionName}</div>
                    {u.mode ? <div className="units-card-meta">模式：{u.mode}</div> : null}
                  </div>
                </List.Item>
              )}
            />
            {data && data.total > data.pageSize ? (
              <Pagination simple current={data.page} pageSize={data.pageSize} total={data.total} onChange={(page) => setFilter({ ...filter, page })} style={{ marginTop: 12, textAlign: 'center' }} />
            ) : null}
          </>
        ) : (
          <Table<PublicUnit>
            rowKey="id"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={data?.items ?? []}
            locale={{ emptyText: <Empty description="没有符合条件的示范单位" /> }}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50],
              onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
            }}
          />
        )}
      </Card>
    </div>
  );
}
