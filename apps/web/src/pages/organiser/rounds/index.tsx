import { useState } from 'react';
import { Alert, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { OrganiserRoundView } from '@fw/shared';
import { useAuth } from '../../../auth/AuthContext';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { organiserRoundsApi } from './api';
import { categoriesText, formatInstant } from './roundText';
import { RoundStatusTag } from './components/RoundStatusTag';
import { CreateRoundDialog } from './components/CreateRoundDialog';
import '../../authority/authority.css';

/** /organiser/rounds — the rounds this organiser runs, and 新建批次 from a template. */
export default function OrganiserRoundsPage() {
  const { user } = useAuth();
  const req = useRequest((signal) => organiserRoundsApi.list(signal), []);
  const [creating, setCreating] = useState(false);

  if (req.loading && !req.data) return <PageLoading />;
  if (req.error) return <Alert type="error" showIcon title={req.error.message} action={<Button onClick={req.reload}>重试</Button>} />;
  const { rounds, templates, canCreate } = req.data!;

  return (
    <div className="authority-page">
      <div className="authority-head">
        <h1 className="page-title">遴选组织</h1>
        <span className="authority-who">
          {user?.displayName ?? ''}
          {user?.regionName ? ` · ${user.regionName}` : ''}
        </span>
      </div>
      <div className="authority-toolbar">
        <Typography.Text type="secondary" className="authority-toolbar-grow">
          本单位组织的遴选批次：设置类别、模式、名额和各阶段日期，开放填报，组织专家评审、现场考察、公示与发布。
        </Typography.Text>
        {canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-round">
            新建批次
          </Button>
        ) : null}
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<OrganiserRoundView>
          className="authority-table"
          rowKey="id"
          dataSource={rounds}
          pagination={false}
          locale={{ emptyText: <Empty description={canCreate ? '尚未组织遴选批次，可从模板新建' : '本单位不组织遴选批次'} /> }}
          columns={[
            {
              title: '遴选批次',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/organiser/rounds/${r.id}`} className="authority-name">
                    {r.name}
                  </Link>
                  <span className="authority-sub">
                    代码 {r.code} · {categoriesText(r.config)}
                  </span>
                </Space>
              ),
            },
            { title: '年度', dataIndex: 'year', width: 72 },
            ...(user?.role === 'admin' ? [{ title: '组织单位', width: 140, render: (_: unknown, r: OrganiserRoundView) => r.organiserName ?? r.organiserRegion }] : []),
            { title: '状态', dataIndex: 'status', width: 96, render: (s: string) => <RoundStatusTag status={s} /> },
            {
              title: '填报时间',
              width: 250,
              render: (_, r) => (
                <span className="authority-sub">
                  {formatInstant(r.fillingOpensAt)} 至 {formatInstant(r.fillingClosesAt)}
                </span>
              ),
            },
            { title: '已开始/已提交', width: 136, align: 'right', render: (_, r) => `${r.started} / ${r.submitted}` },
            {
              title: '操作',
              width: 96,
              render: (_, r) => (
                <Link to={`/organiser/rounds/${r.id}`}>
                  <SettingOutlined /> 设置
                </Link>
              ),
            },
          ]}
        />
      </Card>
      {canCreate ? (
        <CreateRoundDialog open={creating} templates={templates} isAdmin={user?.role === 'admin'} ownRegion={user?.regionCode ?? null} onClose={() => setCreating(false)} />
      ) : null}
    </div>
  );
}
