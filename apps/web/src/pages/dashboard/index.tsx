import { Alert, Button, Card, Empty, Select, Spin } from 'antd';
import { useSearchParams } from 'react-router';
import { PageLoading } from '../../components/PageLoading';
import { useRequest } from '../../api/useRequest';
import { useAuthorityRounds } from '../authority/shared/useAuthorityRounds';
import { dashboardApi } from './api';
import { FigureCard } from './FigureCard';
import '../authority/authority.css';
import './dashboard.css';

/** /dashboard — 数据看板 of the authority's own region for one round (chosen with ?round=). */
export default function DashboardPage() {
  const [sp, setSp] = useSearchParams();
  const rounds = useAuthorityRounds();
  const list = rounds.data ?? [];
  const round = list.find((r) => r.id === sp.get('round')) ?? list[0];
  const board = useRequest((signal) => (round ? dashboardApi.get(round.id, signal) : Promise.resolve(undefined)), [round?.id]);

  if (rounds.loading && !rounds.data) return <PageLoading />;
  if (rounds.error) return <Alert type="error" showIcon title={rounds.error.message} action={<Button onClick={rounds.reload}>重试</Button>} />;
  if (!round) return <Card><Empty description="暂无遴选批次" /></Card>;
  const data = board.data;

  return (
    <div className="authority-page">
      <div className="authority-head">
        <h1 className="page-title">数据看板</h1>
        {data ? <span className="authority-who" data-testid="dashboard-scope">统计范围：{data.scope.regionName}（{data.scope.levelLabel}{data.scope.organiser ? '，主办方' : ''}）</span> : null}
      </div>
      <div className="authority-toolbar">
        <Select
          value={round.id}
          style={{ minWidth: 320 }}
          options={list.map((r) => ({ value: r.id, label: r.name }))}
          onChange={(id: string) => setSp({ round: id })}
          data-testid="dashboard-round"
        />
        <span className="authority-toolbar-grow" />
        <Button onClick={board.reload}>刷新</Button>
      </div>
      {board.error ? <Alert className="authority-alert" type="error" showIcon title={board.error.message} action={<Button onClick={board.reload}>重试</Button>} /> : null}
      {data && data.round.id === round.id ? (
        <div className="dashboard-grid" data-testid="dashboard-grid">
          {data.figures.map((f) => (
            <FigureCard key={f.key} roundId={round.id} figure={f} />
          ))}
        </div>
      ) : board.error ? null : (
        <Spin />
      )}
    </div>
  );
}
