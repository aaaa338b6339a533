import { useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Tabs, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import type { Decision, DecisionLimits, DecisionRow } from '@fw/shared';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { rankingApi } from '../ranking/api';
import { decisionsApi } from './api';
import { useLimits } from './useLimits';
import { PrepareForm } from './PrepareForm';
import { DecisionTable } from './DecisionTable';
import { PreviewPanel } from './PreviewPanel';
import { OutboxPanel } from './OutboxPanel';
import '../../authority/authority.css';
import '../ranking/ranking.css';

/** /organiser/rounds/:roundId/decisions — 遴选结果: prepare from the ranking, edit, preview, release, send notices. */
export default function DecisionsPage() {
  const { roundId = '' } = useParams();
  const { message } = App.useApp();
  const ranking = useRequest((signal) => rankingApi.load(roundId, signal), [roundId]);
  const decisions = useRequest((signal) => decisionsApi.load(roundId, signal), [roundId]);
  const { limits, setLimit } = useLimits(roundId);
  const preview = useRequest((signal) => decisionsApi.preview(roundId, limits, signal), [roundId, JSON.stringify(limits), decisions.data]);
  const outbox = useRequest((signal) => decisionsApi.outbox(roundId, signal), [roundId, decisions.data?.releasedAt]);
  const [topN, setTopN] = useState<DecisionLimits>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [tab, setTab] = useState<string>();
  const [reopening, setReopening] = useState<string | null>(null);

  if ((ranking.loading && !ranking.data) || (decisions.loading && !decisions.data)) return <PageLoading />;
  const failed = ranking.error ?? decisions.error;
  if (failed) return <Alert type="error" showIcon title={failed.message} />;
  const groups = ranking.data!.groups;
  const state = decisions.data!;
  const locked = state.released;
  const activeTab = tab ?? groups[0]?.key;

  const run = async (what: string, action: () => Promise<unknown>, done?: string) => {
    setBusy(what);
    try {
      await action();
      if (done) message.success(done);
      decisions.reload();
      outbox.reload();
    } catch {
      // The central handler shows the server's message.
    } finally {
      setBusy(null);
    }
  };
  const onEdit = (row: DecisionRow, change: { decision?: Decision; note?: string | null }) =>
    void run('edit', () => decisionsApi.edit(roundId, row.applicationId, { decision: change.decision ?? row.decision, note: change.note !== undefined ? change.note : row.note }));
  const onRelease = () =>
    Modal.confirm({
      title: '统一发布遴选结果？',
      content: `入选${preview.data?.totalSelected ?? 0}个、未入选${preview.data?.totalNotSelected ?? 0}个，发布后名单锁定，并生成给每个申报单位的通知（发送前可在下方查看）。`,
      okText: '发布',
      cancelText: '取消',
      onOk: () => run('release', () => decisionsApi.release(roundId, limits), '已发布，请查看待发送通知'),
    });

  return (
    <div className="authority-page">
      <div className="authority-head">
        <h1 className="page-title">遴选结果</h1>
        <span className="authority-who">{ranking.data!.round.name}</span>
      </div>
      <div className="authority-toolbar">
        {locked ? <Tag color="green">已于 {new Date(state.releasedAt!).toLocaleString('zh-CN')} 发布</Tag> : <Tag color="blue">草稿</Tag>}
        <span className="authority-toolbar-grow" />
        <Link to={`/organiser/rounds/${roundId}/ranking`}><Button>查看评审结果</Button></Link>
        {locked ? <Button danger onClick={() => setReopening('')}>重新开放</Button> : null}
      </div>

      {!locked ? (
        <Card size="small" title="一、按排名拟定" style={{ marginBottom: 12 }}>
          <PrepareForm
            groups={groups}
            topN={topN}
            limits={limits}
            onTopN={(k, n) => setTopN({ ...topN, [k]: n })}
            onLimit={setLimit}
            onPrepare={() => void run('prepare', () => decisionsApi.prepare(roundId, topN), '已按排名拟定')}
            hasDraft={state.rows.length > 0}
            disabled={locked}
            busy={busy === 'prepare'}
          />
        </Card>
      ) : null}

      <Card size="small" title={locked ? '遴选结果（已发布）' : '二、逐个调整'} style={{ marginBottom: 12 }}>
        <Tabs activeKey={activeTab} onChange={setTab} items={groups.map((g) => ({ key: g.key, label: `${g.title}（入选${state.rows.filter((r) => r.groupKey === g.key && r.decision === 'selected').length}）` }))} />
        {groups
          .filter((g) => g.key === activeTab)
          .map((g) => <DecisionTable key={g.key} rows={state.rows.filter((r) => r.groupKey === g.key)} ranking={g.rows} locked={locked} onEdit={onEdit} />)}
      </Card>

      {!locked ? (
        <Card
          size="small"
          title="三、发布前检查"
          style={{ marginBottom: 12 }}
          extra={
            <Button type="primary" danger disabled={!preview.data?.canRelease} loading={busy === 'release'} onClick={onRelease} data-testid="decisions-release">
              统一发布
            </Button>
          }
        >
          {preview.data ? <PreviewPanel preview={preview.data} /> : <PageLoading />}
        </Card>
      ) : null}

      <Card size="small" title={locked ? '待发送通知' : '四、待发送通知'}>
        {outbox.data ? <OutboxPanel outbox={outbox.data} busy={busy === 'send'} onSend={() => void run('send', () => decisionsApi.send(roundId), '通知已发送')} /> : <PageLoading />}
      </Card>

      <Modal
        title="重新开放遴选结果"
        open={reopening !== null}
        okText="重新开放"
        okButtonProps={{ danger: true, disabled: (reopening ?? '').trim().length < 4, loading: busy === 'reopen' }}
        cancelText="取消"
        onCancel={() => setReopening(null)}
        onOk={() => run('reopen', () => decisionsApi.reopen(roundId, reopening ?? ''), '已重新开放，未发送的通知已撤回').then(() => setReopening(null))}
      >
        <p>重新开放后可调整名单并再次发布；尚未发送的通知将撤回，已发送的通知不受影响。</p>
        <Input.TextArea rows={3} maxLength={500} placeholder="请填写原因（至少4个字）" value={reopening ?? ''} onChange={(e) => setReopening(e.target.value)} />
      </Modal>
    </div>
  );
}
