import { useState } from 'react';
import { Alert, App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Navigate } from 'react-router';
import { CATEGORIES, CATEGORY_LABELS, type Category, type ExpertListQuery, type ExpertView } from '@fw/shared';
import { useAuth } from '../../../auth/AuthContext';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { expertsApi } from './api';
import { IssueExpertModal } from './components/IssueExpertModal';
import { EditExpertDrawer } from './components/EditExpertDrawer';
import { ImportExpertsModal } from './components/ImportExpertsModal';
import '../../authority/authority.css';
import './experts.css';

type Filters = Pick<ExpertListQuery, 'page' | 'pageSize' | 'active'> & { field?: string; category?: Category; q?: string };

function statusTags(e: ExpertView) {
  if (!e.active) return <Tag>已停用</Tag>;
  if (e.mustChangePassword) return <Tag color="orange">待首次登录</Tag>;
  if (!e.totpEnabled) return <Tag color="gold">待绑定动态口令</Tag>;
  return <Tag color="green">正常</Tag>;
}

/** /organiser/experts — the organiser's expert pool (专家库): list, issue, edit, import, deactivate. */
export default function ExpertPoolPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20, active: 'all' });
  const [keyword, setKeyword] = useState('');
  const [issuing, setIssuing] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<ExpertView | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);
  const list = useRequest((signal) => expertsApi.list(filters, signal), [JSON.stringify(filters)]);

  if (!user) return <PageLoading />;
  if (user.role !== 'authority' && user.role !== 'admin') return <Navigate to="/" replace />;
  const fieldOptions = list.data?.fieldOptions ?? [];
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, ...patch }));

  const toggle = async (e: ExpertView) => {
    setToggling(e.id);
    try {
      await expertsApi.update(e.id, { active: !e.active });
      message.success(e.active ? `已停用“${e.name}”；已开始或已评分的任务保留，下次分配时撤回其未开始的任务` : `已启用“${e.name}”`);
      list.reload();
    } catch {
      // Shown by the central handler.
    } finally {
      setToggling(null);
    }
  };

  const columns: ColumnsType<ExpertView> = [
    {
      title: '专家',
      key: 'name',
      width: 150,
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span className="authority-name">{e.name}</span>
          <span className="authority-sub">{[e.title, e.username].filter(Boolean).join(' · ')}</span>
        </Space>
      ),
    },
    {
      title: '工作单位',
      key: 'employer',
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>{e.employerName}</span>
          {e.employerUscc || e.employerLegalRepresentative ? (
            <span className="authority-sub">{[e.employerUscc, e.employerLegalRepresentative ? `法定代表人 ${e.employerLegalRepresentative}` : null].filter(Boolean).join(' · ')}</span>
          ) : null}
        </Space>
      ),
    },
    { title: '地区', key: 'region', width: 130, render: (_, e) => e.regionName ?? e.regionCode },
    {
      title: '专业领域',
      key: 'fields',
      width: 180,
      render: (_, e) => (
        <Space size={[0, 4]} wrap>
          {e.fields.map((f) => (
            <Tag key={f}>{f}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '评审类别',
      key: 'categories',
      width: 150,
      render: (_, e) =>
        e.categories.length ? (
          <Space size={[0, 4]} wrap>
            {e.categories.map((c) => (
              <Tag key={c} color="blue">
                {CATEGORY_LABELS[c as Category] ?? c}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">全部类别</Typography.Text>
        ),
    },
    { title: '上限', key: 'maxLoad', width: 70, render: (_, e) => e.maxLoad ?? <Typography.Text type="secondary">批次</Typography.Text> },
    {
      title: '回避',
      key: 'conflicts',
      width: 60,
      render: (_, e) => (e.declaredConflicts.length ? <Tag color="purple">{e.declaredConflicts.length}</Tag> : <Typography.Text type="secondary">–</Typography.Text>),
    },
    { title: '手机', key: 'mobile', width: 110, render: (_, e) => e.mobileMasked ?? <Typography.Text type="secondary">未填</Typography.Text> },
    { title: '状态', key: 'status', width: 110, render: (_, e) => statusTags(e) },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_, e) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setEditing(e)} data-testid={`edit-${e.username}`}>
            编辑
          </Button>
          <Popconfirm
            title={e.active ? `停用“${e.name}”？` : `启用“${e.name}”？`}
            description={e.active ? '停用后不再参与新的分配；已开始或已评分的任务保留。' : '启用后参与下一次分配。'}
            okText={e.active ? '停用' : '启用'}
            cancelText="取消"
            onConfirm={() => toggle(e)}
          >
            <Button size="small" type="link" danger={e.active} loading={toggling === e.id}>
              {e.active ? '停用' : '启用'}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div className="authority-page">
      <div className="authority-head">
        <h1 className="page-title">专家库</h1>
        <span className="authority-who">
          {user.displayName}（{user.regionName ?? '全国'}）的评审专家；分配时按工作单位、法定代表人、地区和专家申报自动回避
        </span>
      </div>
      <Card>
        <div className="authority-toolbar">
          <Input.Search
            allowClear
            placeholder="姓名、账号或工作单位"
            value={keyword}
            onChange={(e) => setKeyword(e.target.value)}
            onSearch={(q) => set({ q: q || undefined })}
            style={{ width: 240 }}
          />
          <Select allowClear placeholder="专业领域" value={filters.field} onChange={(field) => set({ field })} options={fieldOptions.map((f) => ({ value: f, label: f }))} />
          <Select allowClear placeholder="评审类别" value={filters.category} onChange={(category) => set({ category })} options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
          <Select
            value={filters.active}
            onChange={(active) => set({ active })}
            options={[
              { value: 'all', label: '全部状态' },
              { value: 'true', label: '在用' },
              { value: 'false', label: '已停用' },
            ]}
          />
          <span className="authority-toolbar-grow" />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            刷新
          </Button>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="import-experts">
            批量导入
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="issue-expert">
            新增专家
          </Button>
        </div>
        {list.error ? <Alert type="error" showIcon title={list.error.message} className="authority-alert" /> : null}
        <Table<ExpertView>
          className="authority-table"
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          rowClassName={(e) => (e.active ? '' : 'expert-row-inactive')}
          scroll={{ x: 1180 }}
          locale={{ emptyText: '专家库中还没有专家：点击“新增专家”或“批量导入”' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => `共 ${n} 位专家`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
      <IssueExpertModal
        open={issuing}
        fieldOptions={fieldOptions}
        onClose={(issued) => {
          setIssuing(false);
          if (issued) list.reload();
        }}
      />
      <ImportExpertsModal
        open={importing}
        onClose={(imported) => {
          setImporting(false);
          if (imported) list.reload();
        }}
      />
      <EditExpertDrawer
        expert={editing}
        fieldOptions={fieldOptions}
        onClose={(saved) => {
          setEditing(null);
          if (saved) list.reload();
        }}
      />
    </div>
  );
}
