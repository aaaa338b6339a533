import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Space, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, ExperimentOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type { AssignmentPreview } from '@fw/shared';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { organiserRoundsApi } from '../rounds/api';
import { assignmentsApi } from './api';
import { byApplication, byExpert, sortForWork, type ApplicationRow } from './model';
import { SettingsSummary } from './components/SettingsSummary';
import { PreviewPanel } from './components/PreviewPanel';
import { ByApplicationTable } from './components/ByApplicationTable';
import { ByExpertTable } from './components/ByExpertTable';
import { AdjustDrawer } from './components/AdjustDrawer';
import { ReasonDialog, type PendingOverride } from './components/ReasonDialog';
import '../../authority/authority.css';
import './assignments.css';

/** /organiser/rounds/:roundId/assignments — 评审分配: preview and commit a run, then adjust by hand. */
export default function AssignmentsPage() {
  const { roundId = '' } = useParams();
  const { message } = App.useApp();
  const round = useRequest((signal) => organiserRoundsApi.get(roundId, signal), [roundId]);
  const list = useRequest((signal) => assignmentsApi.list(roundId, signal), [roundId]);
  const [preview, setPreview] = useState<AssignmentPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [adjusting, setAdjusting] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingOverride | null>(null);
  const [version, setVersion] = useState(0);

  const perApplication = useMemo(() => (list.data ? sortForWork(byApplication(list.data)) : []), [list.data]);
  const perExpert = useMemo(() => (list.data ? byExpert(list.data) : []), [list.data]);
  const adjustingRow: ApplicationRow | null = perApplication.find((r) => r.id === adjusting) ?? null;

  if (list.error && !list.data) return <Alert type="error" showIcon title={list.error.message} action={<Link to="/organiser/rounds">返回批次列表</Link>} />;
  if (!list.data) return <PageLoading />;

  const runPreview = async () => {
    setPreviewing(true);
    try {
      setPreview(await assignmentsApi.preview(roundId));
    } catch {
      // Shown by the central handler.
    } finally {
      setPreviewing(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setCommitting(true);
    try {
      const r = await assignmentsApi.commit(roundId, preview.planDigest);
      message.success(`已分配：新增 ${r.added} 项，保留 ${r.kept} 项${r.withdrawn ? `，撤回 ${r.withdrawn} 项` : ''}`);
      setPreview(null);
      list.reload();
    } catch {
      // A changed plan answers 409 with the reason; the organiser previews again.
    } finally {
      setCommitting(false);
    }
  };

  return (
    <div className="authority-page">
      <div className="authority-head">
        <Space>
          <Link to={`/organiser/rounds/${roundId}`}>
            <ArrowLeftOutlined /> 返回批次
          </Link>
          <h1 className="page-title" style={{ margin: 0 }}>
            评审分配
          </h1>
          <Typography.Text type="secondary">{round.data?.name}</Typography.Text>
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            刷新
          </Button>
          <Button type="primary" icon={<ExperimentOutlined />} loading={previewing} onClick={() => void runPreview()} data-testid="preview-assignments">
            预览分配
          </Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary" className="assign-intro">
        系统按批次设置为每份申报书分配专家：自动回避与申报单位同一单位、法定代表人相同、专家申报回避的专家（以及批次规定的同地区专家），各专家负担尽量均衡，类别与地区分散；同样的专家和申报书总得到同样的结果。
        再次分配时，已开始或已评分的任务保留，只补足缺额。
      </Typography.Paragraph>
      <SettingsSummary roundId={roundId} list={list.data} />
      {preview ? (
        <PreviewPanel preview={preview} committing={committing} onCommit={() => void commit()} onDiscard={() => setPreview(null)} />
      ) : null}
      <Card className="assign-lists">
        <Tabs
          items={[
            { key: 'apps', label: `按申报书（${perApplication.length}）`, children: <ByApplicationTable rows={perApplication} onAdjust={(r) => setAdjusting(r.id)} /> },
            { key: 'experts', label: `按专家（${perExpert.length}）`, children: <ByExpertTable rows={perExpert} /> },
          ]}
        />
      </Card>
      <AdjustDrawer roundId={roundId} application={adjustingRow} version={version} onOverride={setPending} onClose={() => setAdjusting(null)} />
      <ReasonDialog
        roundId={roundId}
        pending={pending}
        onClose={(done) => {
          setPending(null);
          if (done) {
            setVersion((v) => v + 1);
            setPreview(null);
            list.reload();
          }
        }}
      />
    </div>
  );
}
