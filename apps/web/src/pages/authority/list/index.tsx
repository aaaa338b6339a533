import { useState } from 'react';
import { Alert, App, Badge, Button, Card, Space, Tabs } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, LikeOutlined, RollbackOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { arrayMove } from '@dnd-kit/sortable';
import { isApiError } from '../../../api/client';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { authorityApi, type BulkAction, type BulkPreview, type ListItem } from '../api';
import { useAuthorityRounds } from '../shared/useAuthorityRounds';
import { groupsOf, type Group } from '../shared/labels';
import { QuotaBar } from '../shared/QuotaBar';
import { RoundStateTag } from '../shared/RoundStateTag';
import { useListParams } from './useListParams';
import { ListFilters } from './components/ListFilters';
import { ApplicationsTable } from './components/ApplicationsTable';
import { BULK_LABELS, BulkConfirmModal } from './components/BulkConfirmModal';
import { ExportButtons } from './components/ExportButtons';
import '../authority.css';

/** /authority/rounds/:roundId — 申报列表: one tab per quota group, filters, paging, one-click and bulk actions, drag to rank. */
export function AuthorityListPage() {
  const { roundId = '' } = useParams();
  const { message } = App.useApp();
  const rounds = useAuthorityRounds();
  const [params, setParams] = useListParams();
  const [selected, setSelected] = useState<string[]>([]);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [bulk, setBulk] = useState<{ action: BulkAction; preview: BulkPreview } | null>(null);
  const [bulkBusy, setBulkBusy] = useState<BulkAction | 'commit' | null>(null);

  const round = rounds.data?.find((r) => r.id === roundId);
  const groups = round ? groupsOf(round.quotas) : [];
  const group: Group | undefined = groups.find((g) => g.key === params.tab) ?? groups[0];

  const list = useRequest(
    (signal) =>
      group
        ? authorityApi.list(
            roundId,
            {
              category: group.category,
              subType: group.subType,
              region: params.region ?? undefined,
              checkStatus: params.check ?? undefined,
              recommended: params.rec === null ? undefined : params.rec === 'true',
              keyword: params.q,
              sort: params.sort ?? undefined,
              order: params.order ?? undefined,
              page: params.page,
              pageSize: params.pageSize,
            },
            signal,
          )
        : Promise.resolve(null),
    [roundId, group?.key, params.region, params.check, params.rec, params.q, params.sort, params.order, params.page, params.pageSize],
  );
  // Tab counts: the total of each group without filters.
  const totals = useRequest(
    async (signal) => {
      const entries = await Promise.all(groups.map(async (g) => [g.key, (await authorityApi.list(roundId, { category: g.category, subType: g.subType, page: 1, pageSize: 1 }, signal)).total] as const));
      return Object.fromEntries(entries) as Record<string, number>;
    },
    [roundId, groups.map((g) => g.key).join(',')],
  );

  const refresh = () => {
    list.reload();
    rounds.reload();
  };

  if (rounds.loading && !rounds.data) return <PageLoading />;
  if (rounds.error) return <Alert type="error" showIcon title={rounds.error.message} action={<Button onClick={rounds.reload}>重试</Button>} />;
  if (!round || !group) return <Alert type="warning" showIcon title="未找到该遴选批次" action={<Link to="/authority">返回</Link>} />;

  const quota = round.quotas.find((q) => q.category === group.category && (q.subType ?? null) === group.subType);
  const topLevel = round.myLevelIndex >= round.levels.length - 1;
  const recommendBlocked = round.canRecommend ? undefined : topLevel ? '本级为最高审核层级，不再向上推荐' : '截止申报后方可推荐';

  const recommend = async (item: ListItem) => {
    setBusyId(item.id);
    try {
      const r = await authorityApi.recommend(item.id);
      message.success(`已推荐${item.organisationName}，排第${r.rank}位（已用名额${r.used}/${r.max}）`);
      refresh();
    } catch (e) {
      // The server's message says why (quota full, not closed, returned); shown here as the request was quiet.
      message.error(isApiError(e) ? e.message : '推荐失败，请重试');
    } finally {
      setBusyId(null);
    }
  };
  const unrecommend = async (item: ListItem) => {
    setBusyId(item.id);
    try {
      await authorityApi.unrecommend(item.id);
      message.success(`已取消推荐${item.organisationName}`);
      refresh();
    } catch {
      // shown centrally
    } finally {
      setBusyId(null);
    }
  };
  const move = async (activeId: string, overId: string) => {
    try {
      // The ranking is the whole recommended set of the group, not just this page.
      const all = await authorityApi.list(roundId, { category: group.category, subType: group.subType, recommended: true, page: 1, pageSize: 100 });
      const ids = all.items.filter((i) => i.recommended).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((i) => i.id);
      const from = ids.indexOf(activeId);
      const to = ids.indexOf(overId);
      if (from < 0 || to < 0) return;
      await authorityApi.ranking(roundId, { category: group.category, subType: group.subType, order: arrayMove(ids, from, to) });
      message.success('已调整推荐顺序');
    } catch {
      // shown centrally
    } finally {
      list.reload();
    }
  };
  const startBulk = async (action: BulkAction) => {
    setBulkBusy(action);
    try {
      setBulk({ action, preview: await authorityApi.bulkPreview(roundId, { action, ids: selected }) });
    } catch {
      // shown centrally
    } finally {
      setBulkBusy(null);
    }
  };
  const commitBulk = async () => {
    if (!bulk) return;
    setBulkBusy('commit');
    try {
      const r = await authorityApi.bulkCommit(roundId, bulk.preview.token);
      const failed = typeof r.failed === 'number' ? r.failed : Array.isArray(r.failed) ? r.failed.length : 0;
      message.success(`${BULK_LABELS[bulk.action]}：已完成${r.done}份${failed ? `，${failed}份未执行` : ''}`);
      setBulk(null);
      setSelected([]);
      refresh();
    } catch {
      // shown centrally; the preview must be made again
      setBulk(null);
    } finally {
      setBulkBusy(null);
    }
  };

  const data = list.data;
  return (
    <div className="authority-page">
      <div className="authority-head">
        <h1 className="page-title">
          <Link to="/authority" title="返回申报管理" style={{ marginRight: 8 }}>
            <ArrowLeftOutlined />
          </Link>
          申报列表
        </h1>
        <ExportButtons roundId={roundId} category={group.category} subType={group.subType} />
      </div>
      <div className="authority-round-line">
        <span>{round.name}</span>
        <RoundStateTag round={round} />
        {quota && !topLevel ? (
          <span className="quota-inline">
            本类推荐名额 <QuotaBar quota={quota} compact />
          </span>
        ) : null}
      </div>
      {!round.closed && !topLevel ? (
        <Alert
          className="authority-alert"
          type="info"
          showIcon
          title="本地区尚未截止申报：截止后方可推荐。"
          action={<Link to="/authority">去截止申报</Link>}
        />
      ) : null}

      <Card size="small">
        <Tabs
          activeKey={group.key}
          onChange={(k) => {
            setSelected([]);
            setParams({ tab: k });
          }}
          items={groups.map((g) => ({
            key: g.key,
            label: (
              <span data-testid={`tab-${g.key}`}>
                {g.label} <Badge count={totals.data?.[g.key] ?? 0} showZero color={totals.data?.[g.key] ? '#1b4f8f' : '#d1d5db'} />
              </span>
            ),
          }))}
        />
        <ListFilters key={roundId} params={params} onChange={setParams} />
        {data ? (
          <div className="authority-sub" style={{ marginBottom: 8 }} data-testid="list-counts">
            当前筛选：共{data.counts.all}份 · 已推荐{data.counts.recommended} · 审查通过{data.counts.passed} · 退回{data.counts.returned} · 待审查{data.counts.pending}
          </div>
        ) : null}
        {selected.length ? (
          <div className="authority-bulkbar" data-testid="bulk-bar">
            <span>已选 {selected.length} 份</span>
            <Button size="small" type="primary" icon={<LikeOutlined />} loading={bulkBusy === 'recommend'} disabled={!round.canRecommend} onClick={() => void startBulk('recommend')} data-testid="bulk-recommend">
              推荐所选
            </Button>
            <Button size="small" icon={<CheckOutlined />} loading={bulkBusy === 'check-pass'} onClick={() => void startBulk('check-pass')} data-testid="bulk-check-pass">
              通过形式审查
            </Button>
            <Button size="small" icon={<RollbackOutlined />} loading={bulkBusy === 'unrecommend'} onClick={() => void startBulk('unrecommend')} data-testid="bulk-unrecommend">
              取消推荐
            </Button>
            <Button size="small" type="link" onClick={() => setSelected([])}>
              清除选择
            </Button>
          </div>
        ) : null}
        {list.error ? <Alert className="authority-alert" type="error" showIcon title={list.error.message} action={<Button onClick={list.reload}>重试</Button>} /> : null}
        <ApplicationsTable
          items={data?.items ?? []}
          total={data?.total ?? 0}
          loading={list.loading}
          params={params}
          onParams={setParams}
          selected={selected}
          onSelect={setSelected}
          recommendBlocked={recommendBlocked}
          busyId={busyId}
          onRecommend={(i) => void recommend(i)}
          onUnrecommend={(i) => void unrecommend(i)}
          onMove={(a, o) => void move(a, o)}
        />
      </Card>
      <Space style={{ marginTop: 12 }} wrap>
        <span className="authority-sub">提示：已推荐的申报书置顶显示，拖动左侧把手可调整推荐顺序（即汇总表中的排序）。</span>
      </Space>
      <BulkConfirmModal action={bulk?.action ?? null} preview={bulk?.preview ?? null} committing={bulkBusy === 'commit'} onConfirm={() => void commitBulk()} onCancel={() => setBulk(null)} />
    </div>
  );
}

export default AuthorityListPage;
