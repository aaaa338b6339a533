import { useEffect, useRef, useState } from 'react';
import { App, Button, Result, Space, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { LoadFailed } from '../../application/shared/LoadFailed';
import { expertApi } from '../api';
import { ConflictModal } from '../components/ConflictModal';
import { TaskStateTag } from '../shared/TaskStateTag';
import { DeclarationGate } from './components/DeclarationGate';
import { ApplicationPane } from './components/ApplicationPane';
import { ScoreSheetPanel } from './components/ScoreSheetPanel';
import '../../application/shared/application.css';
import '../../authority/authority.css';
import '../expert.css';

/** /expert/assignments/:id — the declaration first; then the application (left) and the score sheet (right). */
export function ExpertReviewPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const req = useRequest((signal) => expertApi.assignment(id, signal), [id]);
  const [declining, setDeclining] = useState(false);
  const sheetPane = useRef<HTMLElement>(null);
  // After submitting, show the sheet from its top (the confirmation there), not where the buttons were.
  useEffect(() => {
    sheetPane.current?.scrollTo?.({ top: 0 });
  }, [req.data?.state]);

  if (!req.data) return req.error ? <LoadFailed error={req.error} onRetry={req.reload} /> : <PageLoading />;
  const a = req.data;
  const back = () => navigate(`/expert?round=${encodeURIComponent(a.round.id)}`);

  return (
    <div className="expert-page">
      <div className="expert-head">
        <h1 className="page-title expert-review-title">
          <a onClick={back} title="返回任务列表" style={{ marginRight: 8 }}>
            <ArrowLeftOutlined />
          </a>
          <span data-testid="review-name">{a.organisationName}</span>
        </h1>
        <Space size={4} wrap>
          <Tag color="blue">{a.categoryTitle}</Tag>
          <TaskStateTag state={a.state} />
          {a.state === 'reviewing' ? (
            <Button size="small" type="link" danger onClick={() => setDeclining(true)} data-testid="btn-decline">
              申请回避
            </Button>
          ) : null}
        </Space>
      </div>

      {a.state === 'toDeclare' ? (
        <DeclarationGate assignment={a} onDeclared={req.reload} onDecline={() => setDeclining(true)} />
      ) : a.state === 'declined' ? (
        <Result
          status="info"
          title="您已申请回避该申报"
          subTitle={a.conflictReason ? `回避原因：${a.conflictReason}。组织单位将另行安排专家。` : '组织单位将另行安排专家。'}
          extra={<Button onClick={back}>返回任务列表</Button>}
        />
      ) : (
        <div className="expert-workspace">
          {/* Phones stack the panes: a shortcut from the material down to the sheet. */}
          <Button className="expert-jump" size="small" onClick={() => sheetPane.current?.scrollIntoView({ behavior: 'smooth' })} data-testid="btn-jump-sheet">
            {a.state === 'submitted' ? '查看我的评分' : '去评分'}
          </Button>
          <section className="expert-workspace-content" aria-label="申报材料">
            <ApplicationPane assignmentId={a.id} />
          </section>
          <aside className="expert-workspace-sheet" aria-label="评分表" ref={sheetPane}>
            <ScoreSheetPanel key={`${a.id}-${a.state}`} assignment={a} onSubmitted={req.reload} />
          </aside>
        </div>
      )}
      <ConflictModal
        task={declining ? { id: a.id, organisationName: a.organisationName } : null}
        onClose={(done) => {
          setDeclining(false);
          if (done) {
            message.success('已申请回避，组织单位将另行安排专家');
            req.reload();
          }
        }}
      />
    </div>
  );
}

export default ExpertReviewPage;
