import { Alert, Button, Popconfirm, Table, Tag } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { OutboxEntry, OutboxResponse } from '@fw/shared';

interface Props {
  outbox: OutboxResponse;
  busy: boolean;
  onSend: () => void;
}

/** The notices prepared by the release, to be read before 发送 (recipients masked). */
export function OutboxPanel({ outbox, busy, onSend }: Props) {
  return (
    <div data-testid="decisions-outbox">
      <div className="authority-toolbar">
        <span>
          待发送 <b>{outbox.pending.length}</b> 条；已发送 {outbox.sentCount} 条{outbox.failedCount ? <>，<span className="ranking-warn">发送失败 {outbox.failedCount} 条</span></> : null}
        </span>
        <span className="authority-toolbar-grow" />
        <Popconfirm
          title={`发送${outbox.pending.length}条通知？`}
          description="申报单位将在站内看到结果，并收到短信和邮件。"
          okText="发送"
          cancelText="取消"
          onConfirm={onSend}
          disabled={!outbox.pending.length}
        >
          <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={!outbox.pending.length} data-testid="outbox-send">
            发送
          </Button>
        </Popconfirm>
      </div>
      {outbox.pending.length === 0 && outbox.sentCount === 0 ? <Alert type="info" showIcon title="发布结果后，这里列出待发送给申报单位的通知" /> : null}
      {outbox.pending.length ? (
        <Table<OutboxEntry>
          size="small"
          rowKey="id"
          dataSource={outbox.pending}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '收件单位', dataIndex: 'recipientName', width: 180 },
            { title: '手机', dataIndex: 'mobileMasked', width: 120, render: (v: string | null) => v ?? '—' },
            { title: '邮箱', dataIndex: 'emailMasked', width: 170, render: (v: string | null) => v ?? '—' },
            { title: '结果', dataIndex: 'kind', width: 80, render: (v: string) => (v === 'decision_selected' ? <Tag color="green">入选</Tag> : <Tag>未入选</Tag>) },
            { title: '通知内容', dataIndex: 'body', render: (v: string, n) => <div><div className="authority-name">{n.title}</div><div className="authority-sub">{v}</div></div> },
          ]}
        />
      ) : null}
    </div>
  );
}
