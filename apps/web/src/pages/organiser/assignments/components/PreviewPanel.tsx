import { Alert, Button, Card, Popconfirm, Progress, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { AssignmentPreview } from '@fw/shared';
import { ConflictsTable } from './ConflictsTable';

interface Props {
  preview: AssignmentPreview;
  committing: boolean;
  onCommit: () => void;
  onDiscard: () => void;
}

/** The previewed run: what it adds, keeps and withdraws, loads per expert, what stays short and why, every conflict. */
export function PreviewPanel({ preview, committing, onCommit, onDiscard }: Props) {
  const apps = new Map(preview.applications.map((a) => [a.id, a]));
  const experts = new Map(preview.experts.map((e) => [e.id, e]));
  const appName = (id: string) => {
    const a = apps.get(id);
    return a ? `${a.number ?? ''} ${a.applicantName ?? ''}`.trim() : id;
  };
  const expertName = (id: string) => experts.get(id)?.name ?? id;
  const { counts } = preview;
  const nothing = counts.toAdd === 0 && counts.toWithdraw === 0;

  return (
    <Card
      className="assign-preview"
      title="分配预览"
      data-testid="assignment-preview"
      extra={
        <Space>
          <Button onClick={onDiscard}>关闭预览</Button>
          <Popconfirm
            title="确认按此方案分配？"
            description={`新增 ${counts.toAdd} 项任务${counts.toWithdraw ? `，撤回 ${counts.toWithdraw} 项未开始的任务` : ''}；已开始或已评分的任务不变。`}
            okText="确认分配"
            cancelText="取消"
            onConfirm={onCommit}
            disabled={nothing}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={committing} disabled={nothing} data-testid="commit-assignments">
              确认分配
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <div className="assign-stats">
        <Statistic title="申报书" value={counts.applications} suffix="份" />
        <Statistic title="在用专家" value={counts.experts} suffix="位" />
        <Statistic title="新增任务" value={counts.toAdd} styles={{ content: { color: '#1b4f8f' } }} />
        <Statistic title="保留任务" value={counts.kept} />
        <Statistic title="撤回任务" value={counts.toWithdraw} styles={{ content: counts.toWithdraw ? { color: '#d46b08' } : undefined }} />
        <Statistic title="专家负担" value={`${preview.loadMin}–${preview.loadMax}`} suffix="份" />
        <Statistic title="无法分满" value={counts.unassignable} styles={{ content: counts.unassignable ? { color: '#cf1322' } : undefined }} />
        <Statistic title="利益冲突" value={counts.conflicts} suffix="对" />
      </div>
      {nothing ? <Alert type="info" showIcon title="当前分配已完整，无需新增或撤回任务" style={{ marginBottom: 12 }} /> : null}
      <Tabs
        defaultActiveKey={counts.unassignable ? 'short' : 'loads'}
        items={[
          {
            key: 'loads',
            label: `专家负担（${preview.loads.length}）`,
            children: (
              <Table
                rowKey="expertId"
                size="small"
                dataSource={[...preview.loads].sort((a, b) => b.load - a.load)}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                columns={[
                  { title: '专家', key: 'name', width: 120, render: (_, l) => expertName(l.expertId) },
                  { title: '工作单位', key: 'employer', render: (_, l) => experts.get(l.expertId)?.employerName },
                  { title: '分配后', dataIndex: 'load', width: 80 },
                  { title: '其中新增', dataIndex: 'added', width: 90 },
                  { title: '上限', key: 'cap', width: 70, render: (_, l) => (l.cap > 0 ? l.cap : '已停用') },
                  { title: '', key: 'bar', width: 180, render: (_, l) => <Progress percent={l.cap ? Math.round((l.load / l.cap) * 100) : 100} size="small" showInfo={false} /> },
                ]}
              />
            ),
          },
          {
            key: 'short',
            label: `无法分满（${counts.unassignable}）`,
            children: (
              <Table
                rowKey="applicationId"
                size="small"
                dataSource={preview.unassignable}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                locale={{ emptyText: '每份申报书都能分满专家' }}
                columns={[
                  { title: '申报书', key: 'app', width: 300, render: (_, u) => appName(u.applicationId) },
                  { title: '已分配/需要', key: 'n', width: 110, render: (_, u) => `${u.assigned} / ${u.needed}` },
                  { title: '原因', dataIndex: 'reason', render: (r: string) => <Typography.Text type="danger">{r}</Typography.Text> },
                ]}
              />
            ),
          },
          { key: 'conflicts', label: `利益冲突（${counts.conflicts}）`, children: <ConflictsTable preview={preview} appName={appName} expertName={expertName} /> },
          {
            key: 'withdraw',
            label: `将撤回（${counts.toWithdraw}）`,
            children: (
              <Table
                rowKey={(w) => `${w.applicationId}:${w.expertId}`}
                size="small"
                dataSource={preview.withdrawals}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                locale={{ emptyText: '没有需要撤回的任务' }}
                columns={[
                  { title: '申报书', key: 'app', width: 300, render: (_, w) => appName(w.applicationId) },
                  { title: '专家', key: 'expert', width: 120, render: (_, w) => expertName(w.expertId) },
                  { title: '原因', dataIndex: 'reason' },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
