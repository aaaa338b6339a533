import { useState } from 'react';
import { Alert, App, Button, Card, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { LEVEL_LABELS } from '@fw/shared';
import { Navigate } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { useRequest } from '../../api/useRequest';
import { PageLoading } from '../../components/PageLoading';
import { fetchAccounts, resetAccountPassword, type AccountView } from './api';
import { ResetTotpModal } from './components/ResetTotpModal';
import { IssueAccountModal } from './components/IssueAccountModal';
import { OneTimePassword } from './components/OneTimePassword';

const dateTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : null);

/** 账号管理: the accounts of the regions directly below (issued here) and of the own region. */
export function AccountsPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const [issuing, setIssuing] = useState(false);
  const [resetting, setResetting] = useState<string | null>(null);
  const [reset, setReset] = useState<{ account: AccountView; password: string } | null>(null);
  const [totpResetting, setTotpResetting] = useState<AccountView | null>(null);
  const accounts = useRequest((signal) => fetchAccounts(signal), []);

  if (!user) return <PageLoading />;
  if (user.role !== 'authority' && user.role !== 'admin') return <Navigate to="/" replace />;
  // Districts are the lowest level: nothing below them to issue.
  const canIssue = user.role === 'admin' || user.level !== 'district';

  const doReset = async (a: AccountView) => {
    setResetting(a.id);
    try {
      const { initialPassword } = await resetAccountPassword(a.id);
      setReset({ account: a, password: initialPassword });
      accounts.reload();
    } catch {
      // The central handler has shown the message.
    } finally {
      setResetting(null);
    }
  };

  const columns: ColumnsType<AccountView> = [
    {
      title: '主管部门',
      key: 'name',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <span>
            {a.displayName}
            {a.regionCode === user.regionCode ? <Tag style={{ marginLeft: 8 }}>本级</Tag> : null}
          </span>
          <Typography.Text type="secondary">{a.username}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '所属地区',
      key: 'region',
      render: (_, a) => (
        <Space size={4} wrap>
          <span>{a.regionName ?? a.regionCode}</span>
          {a.level ? <Tag color="blue">{LEVEL_LABELS[a.level]}</Tag> : null}
        </Space>
      ),
    },
    {
      title: '联系人',
      key: 'contact',
      render: (_, a) =>
        a.contactName ? (
          <Space orientation="vertical" size={0}>
            <span>{a.contactName}</span>
            <Typography.Text type="secondary">{[a.contactMobileMasked, a.contactPhone].filter(Boolean).join(' / ') || '手机号待绑定'}</Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">待绑定</Typography.Text>
        ),
    },
    {
      title: '状态',
      key: 'status',
      render: (_, a) =>
        a.mustChangePassword ? (
          <Tag color="orange">待首次登录</Tag>
        ) : a.totpEnabled ? (
          <Tag color="green">已启用</Tag>
        ) : (
          <Tag color="gold">待绑定动态口令</Tag>
        ),
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => dateTime(v) ?? <Typography.Text type="secondary">从未登录</Typography.Text>,
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, a) =>
        a.canReset ? (
          <Space size={4} wrap>
            <Popconfirm
              title={`重置“${a.displayName ?? a.username}”的密码？`}
              description="重置后该账号的登录立即失效，持有人须使用新的初始密码重新完成首次登录。"
              okText="重置"
              cancelText="取消"
              onConfirm={() => doReset(a)}
            >
              <Button size="small" loading={resetting === a.id}>
                重置密码
              </Button>
            </Popconfirm>
            {a.totpEnabled ? (
              <Button size="small" onClick={() => setTotpResetting(a)} data-testid="reset-totp">
                重置动态口令
              </Button>
            ) : null}
          </Space>
        ) : null,
    },
  ];

  return (
    <Card
      title="账号管理"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={accounts.reload}>
            刷新
          </Button>
          {canIssue ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="issue-account">
              开设下级账号
            </Button>
          ) : null}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {user.displayName ?? ''}（{user.regionName ?? ''}）可为{user.level === 'ministry' ? '各省级' : '下一级'}主管部门开设账号。账号长期有效，跨批次使用；持有人首次登录须绑定联系人并修改初始密码。
      </Typography.Paragraph>
      {accounts.error ? <Alert type="error" showIcon title={accounts.error.message} style={{ marginBottom: 12 }} /> : null}
      <Table<AccountView>
        rowKey="id"
        size="middle"
        loading={accounts.loading}
        columns={columns}
        dataSource={accounts.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        locale={{ emptyText: '尚未开设下级账号' }}
      />
      <IssueAccountModal
        open={issuing}
        regionCode={user.regionCode}
        regionName={user.regionName}
        onClose={(issued) => {
          setIssuing(false);
          if (issued) {
            message.success('账号已开设');
            accounts.reload();
          }
        }}
      />
      <ResetTotpModal
        account={totpResetting}
        onClose={(done) => {
          if (done) {
            message.success(`已重置“${totpResetting?.displayName ?? totpResetting?.username ?? ''}”的动态口令，持有人下次登录时须重新绑定`);
            accounts.reload();
          }
          setTotpResetting(null);
        }}
      />
      <Modal
        open={!!reset}
        title="密码已重置"
        maskClosable={false}
        onCancel={() => setReset(null)}
        footer={
          <Button type="primary" onClick={() => setReset(null)}>
            我已妥善保存，关闭
          </Button>
        }
      >
        {reset ? <OneTimePassword username={reset.account.username ?? ''} displayName={reset.account.displayName} password={reset.password} /> : null}
      </Modal>
    </Card>
  );
}
