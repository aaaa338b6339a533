import { Alert, Badge, Button, Card, Empty, List } from 'antd';
import { useRequest } from '../../api/useRequest';
import { PageLoading } from '../../components/PageLoading';
import { notificationsApi } from './api';
import './notifications.css';

/** /notifications — 消息通知: the user's own released notices, newest first; opening the page marks none read by itself. */
export default function NotificationsPage() {
  const req = useRequest((signal) => notificationsApi.list(signal), []);
  if (req.loading && !req.data) return <PageLoading />;
  if (req.error) return <Alert type="error" showIcon title={req.error.message} action={<Button onClick={req.reload}>重试</Button>} />;
  const { items, unread } = req.data!;
  const markRead = async (ids?: string[]) => {
    await notificationsApi.markRead(ids).catch(() => undefined);
    req.reload();
  };
  return (
    <div>
      <h1 className="page-title">消息通知</h1>
      <Card
        size="small"
        title={unread ? `${unread}条未读` : '全部已读'}
        extra={unread ? <Button size="small" onClick={() => void markRead()}>全部标为已读</Button> : null}
      >
        {items.length === 0 ? (
          <Empty description="暂无消息" />
        ) : (
          <List
            dataSource={items}
            data-testid="notifications-list"
            renderItem={(n) => (
              <List.Item
                className={n.read ? 'notice-item' : 'notice-item notice-unread'}
                actions={n.read ? [] : [<Button key="read" type="link" size="small" onClick={() => void markRead([n.id])}>标为已读</Button>]}
              >
                <List.Item.Meta
                  title={<span>{n.read ? null : <Badge status="processing" />} {n.title}</span>}
                  description={
                    <>
                      <div className="notice-body">{n.body}</div>
                      <div className="notice-time">{n.releasedAt ? new Date(n.releasedAt).toLocaleString('zh-CN') : ''}</div>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
