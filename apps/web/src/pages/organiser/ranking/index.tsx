import { useState } from 'react';
import { Alert, Button, Card, Segmented, Space, Tabs } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { RANK_METHOD_LABELS, RANK_METHODS, type RankMethod } from '@fw/shared';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { rankingApi } from './api';
import { RankingTable } from './RankingTable';
import { ExpertStats } from './ExpertStats';
import { score, sortedBy } from './format';
import '../../authority/authority.css';
import './ranking.css';

const EXPERTS_TAB = '__experts';

/** /organiser/rounds/:roundId/ranking — 评审结果: scores side by side per category, flags, export. */
export default function RankingPage() {
  const { roundId = '' } = useParams();
  const [sp, setSp] = useSearchParams();
  const req = useRequest((signal) => rankingApi.load(roundId, signal), [roundId]);
  const [viewBy, setViewBy] = useState<RankMethod | null>(null);

  if (req.loading && !req.data) return <PageLoading />;
  if (req.error) return <Alert type="error" showIcon title={req.error.message} action={<Button onClick={req.reload}>重试</Button>} />;
  const data = req.data!;
  const method = viewBy ?? data.rankBy;
  const tab = sp.get('tab') ?? data.groups[0]?.key ?? EXPERTS_TAB;
  const group = data.groups.find((g) => g.key === tab);

  return (
    <div className="authority-page">
      <div className="authority-head">
        <h1 className="page-title">评审结果</h1>
        <span className="authority-who">{data.round.name}</span>
      </div>
      <div className="authority-toolbar">
        <span>查看：</span>
        <Segmented<RankMethod>
          value={method}
          onChange={(m) => setViewBy(m)}
          options={RANK_METHODS.map((m) => ({ value: m, label: m === data.rankBy ? `${RANK_METHOD_LABELS[m]}（排名依据）` : RANK_METHOD_LABELS[m] }))}
          data-testid="ranking-method"
        />
        <span className="authority-toolbar-grow" />
        <Space>
          <Button icon={<ReloadOutlined />} onClick={req.reload}>刷新</Button>
          <Button icon={<DownloadOutlined />} href={rankingApi.xlsxUrl(roundId)} data-testid="ranking-export">导出Excel</Button>
          <Link to={`/organiser/rounds/${roundId}/decisions`}><Button type="primary">拟定遴选结果</Button></Link>
        </Space>
      </div>
      {method !== data.rankBy ? (
        <Alert className="authority-alert" type="info" showIcon title={`按${RANK_METHOD_LABELS[method]}排列以便比较；排名仍按本批次的排名依据（${RANK_METHOD_LABELS[data.rankBy]}）`} />
      ) : null}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setSp({ tab: k }, { replace: true })}
          items={[
            ...data.groups.map((g) => ({ key: g.key, label: <span data-testid={`ranking-tab-${g.key}`}>{g.title}（{g.rows.length}）</span> })),
            { key: EXPERTS_TAB, label: `专家给分情况（${data.experts.length}）` },
          ]}
        />
        {group ? (
          <div className="ranking-table-wrap">
            <RankingTable rows={sortedBy(group.rows, method)} rankBy={data.rankBy} viewBy={method} highSpreadSd={data.highSpreadSd} />
          </div>
        ) : tab === EXPERTS_TAB ? (
          <ExpertStats experts={data.experts} />
        ) : (
          <Alert type="info" showIcon title="尚无进入评审的申报" />
        )}
        <p className="ranking-note">
          {data.tieBreakNote}。标准化分：每位专家的给分按其本人的平均分和标准差换算（z 分数），再映射回百分制（全部评分均值 {score(data.scale.mean)}，标准差 {score(data.scale.sd)}）。
        </p>
      </Card>
    </div>
  );
}
