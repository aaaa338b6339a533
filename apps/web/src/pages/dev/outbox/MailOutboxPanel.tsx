import { useEffect, useState } from 'react';
import { Card, Empty, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../api/client';

interface MailMessage {
  id: string;
  toMasked: string;
  subject: string;
  text: string;
  createdAt: string;
}

/** Development only: e-mails the local outbox sender wrote (DATA_DIR/mail-outbox), newest first. */
export function MailOutboxPanel() {
  const [mails, setMails] = useState<MailMessage[]>();
  useEffect(() => {
    const ctrl = new AbortController();
    const load = () => api.get<MailMessage[]>('/api/dev/mail-outbox', { quiet: true, signal: ctrl.signal }).then(setMails, () => undefined);
    void load();
    const timer = setInterval(load, 5000);
    return () => {
      clearInterval(timer);
      ctrl.abort();
    };
  }, []);
  if (!mails) return null;
  return (
    <Card title="邮件发件箱（开发环境）" style={{ marginTop: 16 }}>
      {mails.length === 0 && <Empty description="暂无邮件" />}
      {mails.map((m) => (
        <div key={m.id} className="outbox-row" data-testid="mail-outbox-row">
          <Typography.Text strong>{m.toMasked}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>{dayjs(m.createdAt).format('YYYY-MM-DD HH:mm:ss')}</Typography.Text>
          <div><Typography.Text>{m.subject}</Typography.Text></div>
          <div className="outbox-text">{m.text}</div>
        </div>
      ))}
    </Card>
  );
}
