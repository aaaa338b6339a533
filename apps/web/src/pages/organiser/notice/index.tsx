import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Modal, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExportOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { NOTICE_PHASE_LABELS, OBJECTION_STATUS_LABELS, categoryTitle, type NoticeBody } from '@fw/shared';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { beijingText } from '../../public/notice/logic';
import { noticeApi, type AdminEntry, type AdminObjection, type NoticeOverview } from './api';
import { NoticeFormModal } from './NoticeFormModal';
import { AnswerModal } from './AnswerModal';
import '../../authority/authority.css';
import './notice.css';

const PHASE_COLOR = { upcoming: 'default', open: 'processing', ended: 'warning', published: 'success' } as const;
const STATUS_COLOR = { open: 'orange', upheld: 'red', rejected: 'default' } as const;

function Check({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  return (
    <li className={ok ? 'notice-check notice-check-ok' : 'notice-check'}>
      {ok ? <CheckCircleFilled /> : <CloseCircleFilled />} {children}
    </li>
  );
}

/** What publication waits for, each line ticked or not. */
function PublishChecks({ o }: { o: NoticeOverview }) {
  const c = o.checks!;
  return (
    <ul className="notice-checks" data-testid="publish-checks">
      <Check ok={c.windowEnded}>公示期结束{o.notice ? `（${beijingText(o.notice.endsAt)}）` : ''}</Check>
      <Check ok={c.openObjections === 0}>异议全部答复{c.openObjections ? `（尚有${c.openObjections}条待处理）` : ''}</Check>
      <Check ok={!c.published}>{c.published ? '名单已发布' : '尚未发布'}</Check>
      <li className="notice-check-note">发布后将认定{c.units}个示范单位（已撤销的不发布），并通知各申报单位。</li>
    </ul>
  );
}

/** /organiser/rounds/:roundId/notice — 公示与发布: the notice, its list, objections and answers, publication. */
export default function NoticeAdminPage() {
  const { roundId = '' } = useParams();
  const { message } = App.useApp();
  const req = useRequest((signal) => noticeApi.load(roundId, signal), [roundId]);
  const [editing, setEditing] = useState(false);
  const [answering, setAnswering] = useState<AdminObjection | null>(null);
  const [publishing, setPublishing] = useState(false);

  if (req.loading && !req.data) return <PageLoading />;
  if (req.error || !req.data) return <Alert type="error" showIcon title={req.error?.message ?? '加载失败'} action={<Link to="/organiser/rounds">返回批次列表</Link>} />;
  const o = req.data;
  const n = o.notice;
  const publicPath = `/notice/${o.round.code}`;

  const save = async (body: NoticeBody) => {
    await (n ? noticeApi.update(roundId, body) : noticeApi.create(roundId, body));
    message.success(n ? '公示已修改' : '公示已创建');
    req.reload();
  };
  const publish = () =>
    Modal.confirm({
      title: '发布名单？',
      content: <PublishChecks o={o} />,
      okText: '发布',
      cancelText: '取消',
      onOk: async () => {
        setPublishing(true);
        try {
          await noticeApi.publish(roundId);
          message.success('名单已发布');
          req.reload();
        } catch {
          // The central handler shows the server's message.
        } finally {
          setPublishing(false);
        }
      },
    });

  const entryColumns = [
    { title: '序号', dataIndex: 'position', width: 64 },
    { title: '单位名称', dataIndex: 'name', render: (name: string, e: AdminEntry) => (e.withdrawnAt ? <Typography.Text delete type="secondary">{name}</Typography.Text> : name) },
    { title: '类别', key: 'cat', width: 200, render: (_: unknown, e: AdminEntry) => categoryTitle(e.category, e.subType) },
    { title: '模式', dataIndex: 'mode', width: 220, render: (m: string | null) => m ?? '—' },
    { title: '地区', dataIndex: 'regionName', width: 190 },
    { title: '状态', key: 'st', width: 160, render: (_: unknown, e: AdminEntry) => (e.withdrawnAt ? <Tag color="red" title={e.withdrawReason ?? ''}>已撤销：{e.withdrawReason}</Tag> : <Tag color="green">在列</Tag>) },
  ];
  const objectionColumns = [
    { title: '回执编号', dataIndex: 'receipt', width: 170 },
    { title: '提交时间', dataIndex: 'createdAt', width: 160, render: (s: string) => beijingText(s) },
    { title: '异议对象', dataIndex: 'entryName', width: 200, render: (s: string | null) => s ?? '整个名单' },
    { title: '异议内容', dataIndex: 'text', ellipsis: true },
    { title: '异议人', key: 'who', width: 200, render: (_: unknown, x: AdminObjection) => `${x.contactName} ${x.contactMasked}` },
    { title: '状态', dataIndex: 'status', width: 100, render: (s: AdminObjection['status']) => <Tag color={STATUS_COLOR[s]}>{OBJECTION_STATUS_LABELS[s]}</Tag> },
    {
      title: '操作',
      key: 'op',
      width: 90,
      render: (_: unknown, x: AdminObjection) =>
        x.status === 'open' && !n?.publishedAt ? (
          <Button size="small" type="primary" onClick={() => setAnswering(x)} data-testid="answer-objection">
            答复
          </Button>
        ) : (
          <Typography.Text type="secondary" title={x.answer ?? ''}>
            已答复
          </Typography.Text>
        ),
    },
  ];

  return (
    <div className="authority-page">
      <div className="authority-head">
        <h1 className="page-title">公示与发布</h1>
        <span className="authority-who">
          <Link to={`/organiser/rounds/${roundId}`}>{o.round.name}</Link>
        </span>
      </div>

      {!n ? (
        <Card>
          <Empty
            description={o.releasedSelected ? `已发布拟入选单位${o.releasedSelected}个，可以创建公示` : '尚无已发布的拟入选名单，请先在“遴选结果”中发布'}
          >
            {o.releasedSelected ? (
              <Button type="primary" onClick={() => setEditing(true)} data-testid="create-notice">
                创建公示
              </Button>
            ) : (
              <Link to={`/organiser/rounds/${roundId}/decisions`}>前往遴选结果</Link>
            )}
          </Empty>
        </Card>
      ) : (
        <>
          <Card
            title={
              <Space>
                {n.title}
                <Tag color={PHASE_COLOR[n.phase]}>{NOTICE_PHASE_LABELS[n.phase]}</Tag>
              </Space>
            }
            extra={
              <Space>
                <a href={publicPath} target="_blank" rel="noreferrer">
                  <ExportOutlined /> 公示页面
                </a>
                {n.editable ? <Button onClick={() => setEditing(true)}>修改</Button> : null}
                <Button type="primary" disabled={!o.checks?.canPublish} loading={publishing} onClick={publish} data-testid="publish-notice">
                  发布名单
                </Button>
              </Space>
            }
          >
            <div className="notice-admin-top">
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'w', label: '公示期', children: `${beijingText(n.startsAt)} 至 ${beijingText(n.endsAt)}` },
                  { key: 'c', label: '异议受理', children: n.contactInfo ?? '—' },
                  { key: 'p', label: '公开地址', children: <Typography.Text copyable>{`${window.location.origin}${publicPath}`}</Typography.Text> },
                  ...(n.publishedAt ? [{ key: 'pub', label: '发布时间', children: beijingText(n.publishedAt) }] : []),
                ]}
              />
              <div>
                <div className="notice-checks-title">发布条件</div>
                <PublishChecks o={o} />
              </div>
            </div>
          </Card>

          <Card title={`异议（${o.objections.length}）`} size="small">
            <Table<AdminObjection>
              rowKey="id"
              size="small"
              columns={objectionColumns}
              dataSource={o.objections}
              pagination={false}
              locale={{ emptyText: '暂无异议' }}
              expandable={{ expandedRowRender: (x) => <div className="notice-admin-text">{x.text}{x.answer ? <p><b>答复：</b>{x.answer}</p> : null}</div> }}
            />
          </Card>

          <Card title={`公示名单（${o.entries.filter((e) => !e.withdrawnAt).length}/${o.entries.length}）`} size="small">
            <Table<AdminEntry> rowKey="id" size="small" columns={entryColumns} dataSource={o.entries} pagination={false} />
          </Card>
        </>
      )}

      {editing ? <NoticeFormModal open overview={o} onClose={() => setEditing(false)} onSubmit={save} /> : null}
      <AnswerModal
        objection={answering}
        onClose={() => setAnswering(null)}
        onDone={() => {
          message.success('已答复');
          req.reload();
        }}
      />
    </div>
  );
}
