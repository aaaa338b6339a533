import { useMemo, useState } from 'react';
import { Alert, App, Space, Tabs, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { formSpecFor, formatText, readOnlyValues, THIRD_NATIONAL_ROUND, visibleSections, type FormContext } from '@fw/shared';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { readOnlySource } from '../../application/shared/fromValue';
import { LoadFailed } from '../../application/shared/LoadFailed';
import { ReviewSection } from '../../application/confirm/components/ReviewSection';
import { authorityApi, type Reopening } from '../api';
import { OrganisationCard } from './components/OrganisationCard';
import { FilesCard } from './components/FilesCard';
import { HistoryCard } from './components/HistoryCard';
import { ActionPanel } from './components/ActionPanel';
import { ReopenModal } from './components/ReopenModal';
import { scopeText } from './components/scopeText';
import { formatDateTime } from '../../application/shared/format';
import '../../application/shared/application.css';
import '../authority.css';

/** /authority/applications/:id — everything the applicant submitted, and this authority's actions on it. */
export function AuthorityDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const req = useRequest(async (signal) => {
    const [detail, rounds] = await Promise.all([authorityApi.detail(id, signal), authorityApi.roundConfigs(signal).catch(() => [])]);
    return { detail, config: rounds.find((r) => r.id === detail.application.roundId)?.config ?? null };
  }, [id]);
  const [reopening, setReopening] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const view = useMemo(() => {
    if (!req.data) return null;
    const { detail, config } = req.data;
    const app = detail.application;
    // Without the round (closed rounds are not listed publicly) the national round's settings still render the form.
    const ctx: FormContext = { round: config ?? THIRD_NATIONAL_ROUND, subType: app.subType };
    const spec = formSpecFor(app.category, config?.formVersion);
    const values = { ...app.data, ...readOnlyValues(spec, readOnlySource(detail.organisation), ctx) };
    const sections = visibleSections(spec, values, ctx);
    const allSections = spec.sections.map((s) => ({ key: s.key, title: formatText(s.title, ctx) }));
    return { detail, ctx, values, sections, allSections };
  }, [req.data]);

  if (!view) return req.error ? <LoadFailed error={req.error} onRetry={req.reload} /> : <PageLoading />;
  const { detail, ctx, values, sections, allSections } = view;
  const app = detail.application;
  const sectionTitle = (key: string) => allSections.find((s) => s.key === key)?.title ?? key;
  const active = detail.reopenings.find((r) => r.active);

  const submitReopen = async (body: Parameters<typeof authorityApi.reopen>[1]) => {
    setBusy('reopen');
    try {
      await authorityApi.reopen(id, body);
      message.success('已临时开放修改');
      setReopening(false);
      req.reload();
    } catch {
      // shown centrally
    } finally {
      setBusy(null);
    }
  };
  const closeReopening = async (r: Reopening) => {
    setBusy(r.id);
    try {
      await authorityApi.closeReopening(r.id);
      message.success('已关闭临时开放');
      req.reload();
    } catch {
      // shown centrally
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="authority-page">
      <div className="authority-head">
        <h1 className="page-title" style={{ marginBottom: 8 }}>
          <a onClick={() => navigate(-1)} title="返回" style={{ marginRight: 8 }}>
            <ArrowLeftOutlined />
          </a>
          <span data-testid="detail-name">{detail.organisation.name}</span>
        </h1>
      </div>
      <Space wrap size={[8, 4]} style={{ marginBottom: 12 }}>
        <Tag color="blue">{app.categoryTitle}</Tag>
        <span className="edit-number" data-testid="detail-number">
          申报编号 {app.number ?? '—'}
        </span>
        <span className="authority-sub">{detail.organisation.regionName}</span>
        {app.submittedAt ? <span className="authority-sub">提交于 {formatDateTime(app.submittedAt).slice(0, 16)}</span> : null}
      </Space>
      {active ? (
        <Alert
          className="authority-alert"
          type="warning"
          showIcon
          title={`临时开放修改中（${scopeText(active.scope, sectionTitle)}），至 ${formatDateTime(active.expiresAt).slice(0, 16)}`}
          description={`原因：${active.reason}（${active.byRegionName}）`}
        />
      ) : null}

      <div className="detail-layout">
        <div>
          <Tabs
            items={[
              {
                key: 'form',
                label: '申报内容',
                children: (
                  <>
                    {sections.map((s) => (
                      <ReviewSection key={s.key} section={s} values={values} ctx={ctx} />
                    ))}
                  </>
                ),
              },
              { key: 'org', label: '单位与联系人', children: <OrganisationCard organisation={detail.organisation} /> },
              { key: 'files', label: `上传材料（${detail.files.length}）`, children: <FilesCard applicationId={app.id} files={detail.files} /> },
              {
                key: 'history',
                label: '提交与审核记录',
                children: <HistoryCard detail={detail} sectionTitle={sectionTitle} closingId={busy} onCloseReopening={(r) => void closeReopening(r)} />,
              },
            ]}
          />
        </div>
        <ActionPanel detail={detail} onChanged={req.reload} onReopen={() => setReopening(true)} />
      </div>
      <ReopenModal open={reopening} sections={allSections} submitting={busy === 'reopen'} onSubmit={(b) => void submitReopen(b)} onCancel={() => setReopening(false)} />
    </div>
  );
}

export default AuthorityDetailPage;
