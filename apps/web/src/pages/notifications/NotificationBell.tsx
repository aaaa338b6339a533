import { useEffect, useState } from 'react';
import { Badge } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import { notificationsApi } from './api';
import './bell.css';

/** The header bell: unread notifications, refreshed on every page change. */
export function NotificationBell() {
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    notificationsApi.list(ctrl.signal, 1).then((l) => setUnread(l.unread), () => undefined);
    return () => ctrl.abort();
  }, [pathname]);
  return (
    <Link to="/notifications" className="app-bell" title={unread ? `${unread}条未读消息` : '消息'} data-testid="notification-bell">
      <Badge count={unread} size="small" offset={[2, -2]}>
        <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
      </Badge>
    </Link>
  );
}
