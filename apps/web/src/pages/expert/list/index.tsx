import { useState } from 'react';
import { Alert, App, Button, Card, Empty, List, Progress, Select, Space, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import type { ExpertRoundView, ExpertTaskView } from '@fw/shared';
import { useAuth } from '../../../auth/AuthContext';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { expertApi } from '../api';
import { ConflictModal } from '../components/ConflictModal';
import { DeclarationText } from '../components/DeclarationText';
import { TaskStateTag } from '../shared/TaskStateTag';
import '../expert.css';

/** /expert — my review tasks: the round's progress and my applications in my own order. */
export function ExpertListPage() {
  const { user } = useAuth();
  const rounds = useRequest((signal) => expertApi.rounds(signal), []);
  const [params, setParams] = useSearchParams();
  const list = rounds.data ?? [];
  const selected = list.find((r) => r.id === params.get('round')) ?? list[0];

  if (rounds.loading && !rounds.data) return <PageLoading />;
  if (rounds.error) return <Alert type="error" showIcon title={rounds.error.message} action={<Button onClick={rounds.reload}>重试</Button>} />;

  return (
    <div className="expert-page">
      <div className="expert-head">
        <h1 className="page-title">我的评审任务</h1>
        <span className="expert-who">{user?.displayName ?? ''}</span>
      </div>
      {list.length === 0 ? (
        <Card>
          <Empty description="暂无分配给您的评审任务" />
        </Card>
      ) : (
        <>
          {list.length > 1 ? (
            <Space style={{ marginBottom: 12 }} wrap>
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
          {selected ? <RoundTasks key={selected.id} round={selected} onChanged={rounds.reload} /> : null}
        </>
      )}
    </div>
  );
}

function RoundTasks({ round, onChanged }: { round: ExpertRoundView; onChanged: () => void }) {
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const tasks = useRequest((signal) => expertApi.tasks(round.id, signal), [round.id]);
  const [declining, setDeclining] = useState<ExpertTaskView | null>(null);
  const progress = tasks.data?.round.progress ?? round.progress;

  const reload = () => {
    tasks.reload();
    onChanged();
  };
  const declare = (task: ExpertTaskView) =>
    modal.confirm({
      title: `声明与“${task.organisationName ?? ''}”无利益冲突`,
      width: 560,
      content: <DeclarationText />,
      okText: '声明无利益冲突并开始评审',
      cancelText: '取消',
      onOk: async () => {
        await expertApi.declareNoConflict(task.id);
        navigate(`/expert/assignments/${task.id}`);
      },
    });

  return (
    <>
      <Card size="small" className="expert-progress-card" data-testid="round-progress">
        <div className="expert-progress-line">
          <Typography.Text strong>{round.name}</Typography.Text>
          <span className="expert-progress-count">
            已提交 <b data-testid="progress-submitted">{progress.submitted}</b> / {progress.total}
          </span>
        </div>
        <Progress percent={progress.total ? Math.round((progress.submitted / progress.total) * 100) : 0} showInfo={false} strokeColor="#2e8b57" />
        <Space size={16} wrap className="expert-sub">
          <span>待声明 {progress.toDeclare}</span>
          <span>评审中 {progress.reviewing}</span>
          <span>已回避 {progress.declined}</span>
          <span>评审顺序为系统为您随机生成，请按顺序评审</span>
        </Space>
      </Card>
      {tasks.error ? <Alert type="error" showIcon title={tasks.error.message} action={<Button onClick={tasks.reload}>重试</Button>} /> : null}
      <List
        className="expert-task-list"
        loading={tasks.loading && !tasks.data}
        dataSource={tasks.data?.items ?? []}
        locale={{ emptyText: '本批次暂无评审任务' }}
        renderItem={(task) => (
          <List.Item
            key={task.id}
            data-testid="task-row"
            actions={actions(task, {
              open: () => navigate(`/expert/assignments/${task.id}`),
              declare: () => declare(task),
              decline: () => setDeclining(task),
            })}
          >
            <div className="expert-task">
              <span className="expert-task-position">{task.position}</span>
              <div className="expert-task-main">
                <a className="expert-task-name" onClick={() => navigate(`/expert/assignments/${task.id}`)} data-testid="task-name">
                  {task.organisationName}
                </a>
                <div>
                  <Tag color="blue">{task.categoryTitle}</Tag>
                  <TaskStateTag state={task.state} />
                  {task.state === 'submitted' && task.total !== null ? <span className="expert-sub">我的评分 {task.total} 分</span> : null}
                </div>
              </div>
            </div>
          </List.Item>
        )}
      />
      <ConflictModal
        task={declining}
        onClose={(done) => {
          setDeclining(null);
          if (done) {
            message.success('已申请回避，组织单位将另行安排专家');
            reload();
          }
        }}
      />
    </>
  );
}

function actions(task: ExpertTaskView, on: { open: () => void; declare: () => void; decline: () => void }) {
  switch (task.state) {
    case 'toDeclare':
      return [
        <Button key="declare" type="primary" size="small" onClick={on.declare} data-testid="btn-declare">
          声明无利益冲突
        </Button>,
        <Button key="decline" size="small" onClick={on.decline} data-testid="btn-decline">
          申请回避
        </Button>,
      ];
    case 'reviewing':
      return [
        <Button key="open" type="primary" size="small" onClick={on.open} data-testid="btn-open">
          继续评审
        </Button>,
        <Button key="decline" size="small" onClick={on.decline} data-testid="btn-decline">
          申请回避
        </Button>,
      ];
    case 'submitted':
      return [
        <Button key="open" size="small" onClick={on.open} data-testid="btn-open">
          查看评分
        </Button>,
      ];
    default:
      return [];
  }
}

export default ExpertListPage;
