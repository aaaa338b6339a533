import { useEffect, useState } from 'react';
import { Alert, Card, Collapse, Empty, Tag, Typography } from 'antd';
import { NOTICE_PHASE_LABELS } from '@fw/shared';
import { useParams } from 'react-router';
import { Link } from 'react-router';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { fetchNotice, type PublicNotice } from './api';
import { beijingText, groupEntries, remaining } from './logic';
import { ObjectionForm } from './ObjectionForm';
import { ReceiptLookup } from './ReceiptLookup';
import './notice.css';

const PHASE_COLOR = { upcoming: 'default', open: 'processing', ended: 'warning', published: 'success' } as const;

/** Ticks every half minute on the server's clock (the phone's may be wrong). */
function useServerNow(serverNow: string | undefined): Date {
  const [offset] = useState(() => (serverNow ? new Date(serverNow).getTime() - Date.now() : 0));
  const [now, setNow] = useState(() => new Date(Date.now() + offset));
  useEffect(() => {
    const id = setInterval(() => setNow(new Date(Date.now() + offset)), 30_000);
    return () => clearInterval(id);
  }, [offset]);
  return now;
}

function Countdown({ notice }: { notice: PublicNotice }) {
  const now = useServerNow(notice.now);
  const left = notice.phase === 'open' ? remaining(new Date(notice.endsAt), now) : null;
  return (
    <div className="notice-status" data-testid="notice-status">
      <Tag color={PHASE_COLOR[notice.phase]}>{left || notice.phase !== 'open' ? NOTICE_PHASE_LABELS[notice.phase] : NOTICE_PHASE_LABELS.ended}</Tag>
      {left ? <span>距公示结束还有 <b>{left}</b></span> : null}
      {notice.phase === 'ended' ? <span>名单待发布</span> : null}
      {notice.publishedAt ? <span>发布于 {beijingText(notice.publishedAt)}</span> : null}
    </div>
  );
}

/** /notice/:roundCode — 公示 of a round's selected list, open to everyone, with the objection form. */
export default function PublicNoticePage() {
  const { roundCode = '' } = useParams();
  const { data, error, loading } = useRequest((signal) => fetchNotice(roundCode, signal), [roundCode]);
  if (loading && !data) return <PageLoading />;
  if (error || !data) {
    return <Card>{error?.status === 404 ? <Empty description="该公示不存在或尚未开始" /> : <Alert type="error" showIcon title={error?.message ?? '加载失败'} />}</Card>;
  }
  const groups = groupEntries(data.entries);
  const listed = data.entries.filter((e) => !e.withdrawn).length;
  return (
    <div className="notice-page">
      <Card>
        <h1 className="page-title notice-title">{data.title}</h1>
        <div className="notice-round">{data.roundName}</div>
        <Countdown notice={data} />
        <div className="notice-dates">
          公示期：{beijingText(data.startsAt)} 至 {beijingText(data.endsAt)}
        </div>
        {data.body ? <Typography.Paragraph className="notice-body">{data.body}</Typography.Paragraph> : null}
        {data.contactInfo ? <Alert type="info" showIcon title="异议受理" description={data.contactInfo} className="notice-contact" /> : null}
      </Card>

      <Card title={`${data.publishedAt ? '发布名单' : '公示名单'}（${listed}个）`} className="notice-section">
        {groups.map((g) => (
          <section key={g.key} className="notice-group">
            <h2>{g.title}</h2>
            <ol className="notice-entries">
              {g.entries.map((e) => (
                <li key={e.id} className={e.withdrawn ? 'notice-entry notice-entry-withdrawn' : 'notice-entry'} data-testid="notice-entry">
                  <div className="notice-entry-head">
                    <span className="notice-entry-no">{e.position}</span>
                    <span className="notice-entry-name">{e.name}</span>
                    {e.withdrawn ? <Tag color="red">已撤销</Tag> : null}
                  </div>
                  <div className="notice-entry-meta">
                    <span>{e.regionName}</span>
                    {e.mode ? <span>模式：{e.mode}</span> : null}
                  </div>
                  {e.withdrawn && e.withdrawReason ? <div className="notice-entry-reason">撤销说明：{e.withdrawReason}</div> : null}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </Card>

      {data.phase === 'open' ? (
        <Card title="提出异议" className="notice-section">
          <Typography.Paragraph type="secondary">
            对公示名单有异议的，请在公示期内如实填写，写明事实和理由。以单位名义提出的请注明单位名称。
          </Typography.Paragraph>
          <ObjectionForm roundCode={data.roundCode} entries={data.entries} />
        </Card>
      ) : null}

      <Collapse
        className="notice-section"
        items={[{ key: 'lookup', label: '凭回执查询异议处理结果', children: <ReceiptLookup /> }]}
      />
      {data.publishedAt ? (
        <div className="notice-footer-link">
          <Link to="/units">查看全部示范单位名单 →</Link>
        </div>
      ) : null}
    </div>
  );
}
