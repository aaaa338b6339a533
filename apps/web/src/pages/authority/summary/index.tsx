import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, Select, Space, Tabs } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../../auth/AuthContext';
import { PageLoading } from '../../../components/PageLoading';
import { useAuthorityRounds } from '../shared/useAuthorityRounds';
import { groupsOf } from '../shared/labels';
import { QuotaBar } from '../shared/QuotaBar';
import { ExportButtons } from '../list/components/ExportButtons';
import { SummaryTable } from './SummaryTable';
import type { Summary } from '../api';
import '../authority.css';

/** /authority/rounds/:roundId/summary (and /authority/summary for the first round) — 汇总查看 per group, with exports. */
export function SummaryPage() {
  const { roundId } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const rounds = useAuthorityRounds();
  // null: not typed yet, the account's contact (from the summary) is shown and used.
  const [preparer, setPreparer] = useState<string | null>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const [heading, setHeading] = useState<Summary | null>(null);

  if (rounds.loading && !rounds.data) return <PageLoading />;
  if (rounds.error) return <Alert type="error" showIcon title={rounds.error.message} action={<Button onClick={rounds.reload}>重试</Button>} />;
  const list = rounds.data ?? [];
  const round = list.find((r) => r.id === roundId) ?? (roundId ? undefined : list[0]);
  if (!round) return <Card>{list.length ? <Alert type="warning" showIcon title="未找到该遴选批次" /> : <Empty description="暂无遴选批次" />}</Card>;
  const groups = groupsOf(round.quotas);
  const group = groups.find((g) => g.key === sp.get('tab')) ?? groups[0];

  return (
    <div className="authority-page">
      <div className="authority-head">
        <h1 className="page-title">推荐汇总</h1>
        <span className="authority-who">推荐单位：{heading?.authority ?? user?.displayName ?? ''}</span>
      </div>
      <div className="authority-toolbar">
        {list.length > 1 ? (
          <Select
            value={round.id}
            style={{ minWidth: 260 }}
            options={list.map((r) => ({ value: r.id, label: r.name }))}
            onChange={(id: string) => navigate(`/authority/rounds/${id}/summary`)}
          />
        ) : (
          <span>{round.name}</span>
        )}
        <span className="authority-toolbar-grow" />
        <Space wrap>
          <Input addonBefore="填表人" placeholder="填表人姓名" value={preparer ?? heading?.preparer ?? ''} onChange={(e) => setPreparer(e.target.value)} style={{ width: 220 }} data-testid="summary-preparer" />
          <Input addonBefore="联系电话" placeholder="联系电话" value={phone ?? heading?.phone ?? ''} onChange={(e) => setPhone(e.target.value)} style={{ width: 240 }} data-testid="summary-phone" />
        </Space>
      </div>
      {group ? (
        <Card size="small">
          <Tabs
            activeKey={group.key}
            onChange={(k) => setSp({ tab: k }, { replace: true })}
            items={groups.map((g) => {
              const quota = round.quotas.find((q) => q.category === g.category && (q.subType ?? null) === g.subType);
              return { key: g.key, label: <span data-testid={`summary-tab-${g.key}`}>{g.label}{quota ? `（${quota.used}）` : ''}</span> };
            })}
          />
          <div className="authority-toolbar">
            {(() => {
              const quota = round.quotas.find((q) => q.category === group.category && (q.subType ?? null) === group.subType);
              return quota ? <span className="quota-inline">推荐名额 <QuotaBar quota={quota} compact /></span> : null;
            })()}
            <span className="authority-toolbar-grow" />
            <ExportButtons roundId={round.id} category={group.category} subType={group.subType} preparer={preparer?.trim() || undefined} phone={phone?.trim() || undefined} />
          </div>
          <SummaryTable key={group.key} roundId={round.id} category={group.category} subType={group.subType} onLoaded={setHeading} />
        </Card>
      ) : (
        <Empty description="本批次未配置推荐名额" />
      )}
    </div>
  );
}

export default SummaryPage;
