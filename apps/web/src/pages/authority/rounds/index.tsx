import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Modal, Row, Select, Space, Tooltip, Typography } from 'antd';
import { FileSearchOutlined, LockOutlined, TableOutlined, UnlockOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../auth/AuthContext';
import { PageLoading } from '../../../components/PageLoading';
import { authorityApi, type AuthorityRound } from '../api';
import { useAuthorityRounds } from '../shared/useAuthorityRounds';
import { QuotaBar } from '../shared/QuotaBar';
import { RoundStateTag } from '../shared/RoundStateTag';
import { LEVEL_NAMES } from '../shared/labels';
import { formatDateTime } from '../../application/shared/format';
import '../authority.css';

/** /authority — pick a round; its closing state, quota use, and 截止申报 / 撤销截止. */
export function AuthorityHomePage() {
  const { user } = useAuth();
  const rounds = useAuthorityRounds();
  const [params, setParams] = useSearchParams();
  const list = rounds.data ?? [];
  const selected = list.find((r) => r.id === params.get('round')) ?? list[0];

  if (rounds.loading && !rounds.data) return <PageLoading />;
  if (rounds.error) return <Alert type="error" showIcon title={rounds.error.message} action={<Button onClick={rounds.reload}>重试</Button>} />;

  return (
    <div className="authority-page">
      <div className="authority-head">
        <h1 className="page-title">申报管理</h1>
        <span className="authority-who">
          {user?.displayName ?? ''}
          {user?.regionName ? ` · ${user.regionName}` : ''}
        </span>
      </div>
      {list.length === 0 ? (
        <Card>
          <Empty description="暂无需要本级审核推荐的遴选批次" />
        </Card>
      ) : (
        <>
          {list.length > 1 ? (
            <Space style={{ marginBottom: 12 }}>
              <span>遴选批次</span>
              <Select
                style={{ minWidth: 280 }}
                value={selected?.id}
                options={list.map((r) => ({ value: r.id, label: `${r.name}（${r.year}）` }))}
                onChange={(id: string) => setParams({ round: id })}
                data-testid="round-select"
              />
            </Space>
          ) : null}
          {selected ? <RoundCard round={selected} onChanged={rounds.reload} /> : null}
        </>
      )}
    </div>
  );
}

function RoundCard({ round, onChanged }: { round: AuthorityRound; onChanged: () => void }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);
  const myLevel = round.levels[round.myLevelIndex];
  const upper = round.levels[round.myLevelIndex + 1];
  // The server refuses to undo once anything is recommended; say so before the click.
  const anyRecommended = round.quotas.some((q) => q.used > 0);

  const askClose = async () => {
    setBusy(true);
    try {
      const res = await authorityApi.list(round.id, { page: 1, pageSize: 1 });
      setConfirming(res.total);
    } catch {
      // shown centrally
    } finally {
      setBusy(false);
    }
  };
  const close = async () => {
    setBusy(true);
    try {
      await authorityApi.close(round.id);
      message.success('已截止本地区申报');
      setConfirming(null);
      onChanged();
    } catch {
      // shown centrally
    } finally {
      setBusy(false);
    }
  };
  const undo = () =>
    modal.confirm({
      title: '撤销截止？',
      content: '撤销后本地区申报主体可以继续修改和提交申报书（在填报期内）。已有推荐时不能撤销。',
      okText: '撤销截止',
      cancelText: '取消',
      onOk: async () => {
        try {
          await authorityApi.undoClose(round.id);
          message.success('已撤销截止');
          onChanged();
        } catch {
          // shown centrally
        }
      },
    });

  return (
    <Card
      title={
        <Space wrap>
          <span>{round.name}</span>
          <RoundStateTag round={round} />
        </Space>
      }
      data-testid="round-card"
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="批次">{round.code}（{round.year}年）</Descriptions.Item>
        <Descriptions.Item label="填报截止时间">{round.fillingClosesAt ? formatDateTime(round.fillingClosesAt).slice(0, 16) : '—'}</Descriptions.Item>
        <Descriptions.Item label="本级">
          {myLevel ? LEVEL_NAMES[myLevel] ?? myLevel : '—'}
          {upper ? `，推荐至${LEVEL_NAMES[upper] ?? upper}` : ''}
        </Descriptions.Item>
      </Descriptions>

      {!round.closed ? (
        <Alert
          className="authority-alert"
          type="info"
          showIcon
          title="截止申报后，本地区申报主体不能再修改或提交申报书，方可进行推荐。如需个别修改，可在申报书详情中临时开放修改。"
        />
      ) : null}
      {!upper ? <Alert className="authority-alert" type="info" showIcon title="本级为最高审核层级，审核下级推荐的申报书，不再向上推荐。" /> : null}

      {upper ? (
        <>
          <Typography.Title level={5}>推荐名额使用情况</Typography.Title>
          <Row gutter={[24, 8]} style={{ marginBottom: 16 }}>
            {round.quotas.map((q) => (
              <Col key={`${q.category}:${q.subType ?? ''}`} xs={24} sm={12} lg={8}>
                <QuotaBar quota={q} />
              </Col>
            ))}
          </Row>
        </>
      ) : null}

      <Space wrap>
        <Button type="primary" icon={<FileSearchOutlined />} onClick={() => navigate(`/authority/rounds/${round.id}`)} data-testid="btn-open-list">
          申报列表
        </Button>
        <Button icon={<TableOutlined />} onClick={() => navigate(`/authority/rounds/${round.id}/summary`)} data-testid="btn-open-summary">
          推荐汇总
        </Button>
        {round.closed ? (
          <Tooltip title={anyRecommended ? '已有推荐，不能撤销截止（请先取消全部推荐）' : undefined}>
            <Button icon={<UnlockOutlined />} onClick={undo} disabled={anyRecommended} data-testid="btn-undo-close">
              撤销截止
            </Button>
          </Tooltip>
        ) : (
          <Button danger icon={<LockOutlined />} loading={busy && confirming === null} onClick={() => void askClose()} data-testid="btn-close-round">
            截止申报
          </Button>
        )}
      </Space>

      <Modal
        open={confirming !== null}
        title="确认截止本地区申报"
        okText="确认截止"
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'btn-confirm-close' }}
        cancelText="取消"
        onOk={() => void close()}
        onCancel={() => setConfirming(null)}
      >
        <p>
          本地区当前共有 <Typography.Text strong data-testid="close-count">{confirming ?? 0}</Typography.Text> 份已提交的申报书。
        </p>
        <p>截止后本地区所有申报主体不能再修改或提交（所有类别）。在尚未推荐前可以撤销截止。</p>
      </Modal>
    </Card>
  );
}

export default AuthorityHomePage;
