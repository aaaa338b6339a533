import { useEffect, useState } from 'react';
import { Alert, Card, Empty, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { isApiError } from '../../../api/client';
import { fetchOutbox, type OutboxMessage } from './api';
import { DemoTotpPanel } from './DemoTotpPanel';
import { MailOutboxPanel } from './MailOutboxPanel';

const REFRESH_MS = 3000;

/** Development only: the SMS messages the local "outbox" sender would have sent, newest first. */
export function OutboxPage() {
  const [messages, setMessages] = useState<OutboxMessage[]>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let ctrl = new AbortController();
    const load = () => {
      ctrl.abort();
      ctrl = new AbortController();
      fetchOutbox(ctrl.signal)
        .then((list) => {
          setMessages([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
          setProblem(undefined);
        })
        .catch((e: unknown) => {
          if (e instanceof DOMException && e.name === 'AbortError') return;
          setProblem(isApiError(e) && e.status === 404 ? '短信发件箱未启用（仅开发和测试环境提供）' : isApiError(e) ? e.message : '加载失败');
        });
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      clearInterval(timer);
      ctrl.abort();
    };
  }, []);

  return (
    <>
      <DemoTotpPanel />
      <Card title="短信发件箱（开发环境）" extra={<Tag color="blue">每3秒自动刷新</Tag>}>
        {problem && <Alert type="warning" showIcon title={problem} style={{ marginBottom: 12 }} />}
        {messages && messages.length === 0 && <Empty description="暂无短信" />}
        {messages?.map((m) => (
          <div key={m.id} className="outbox-row" data-testid="outbox-row">
            <Typography.Text strong>{m.mobileMasked}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
              {dayjs(m.createdAt).format('YYYY-MM-DD HH:mm:ss')}
            </Typography.Text>
            <div className="outbox-text">{m.text}</div>
          </div>
        ))}
      </Card>
      <MailOutboxPanel />
    </>
  );
}
