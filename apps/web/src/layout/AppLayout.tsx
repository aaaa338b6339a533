import { Suspense } from 'react';
import { Button, Layout } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ApiErrorHandler } from '../api/ApiErrorHandler';
import { useAuth } from '../auth/AuthContext';
import { PageLoading } from '../components/PageLoading';
import { AuthorityNav } from './AuthorityNav';
import { ExpertNav } from './ExpertNav';
import { NotificationBell } from '../pages/notifications/NotificationBell';

export const PLATFORM_NAME = '服务型制造示范遴选申报平台';

/** Top bar with the platform name and the user; the page below, at most ~1100px wide. */
export function AppLayout() {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // Authorities and experts work on office screens: wider pages under their own menu.
  const wide = user?.role === 'authority' || user?.role === 'expert';

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <ApiErrorHandler />
      <Layout.Header className="app-header">
        <div className={wide ? 'app-header-inner app-header-wide' : 'app-header-inner'}>
          <Link to="/" className="app-brand" title={PLATFORM_NAME}>
            <span className="app-brand-mark" />
            {PLATFORM_NAME}
          </Link>
          {user ? (
            <span className="app-user">
              <NotificationBell />
              <span className="app-user-mobile" data-testid="current-user">
                <UserOutlined /> {user.mobileMasked ?? user.displayName ?? ''}
              </span>
              <Button size="small" ghost icon={<LogoutOutlined />} onClick={() => void onLogout()}>
                退出
              </Button>
            </span>
          ) : user === null && pathname !== '/login' ? (
            <span className="app-user">
              <Link to="/login" style={{ color: '#fff' }}>
                登录
              </Link>
            </span>
          ) : null}
        </div>
      </Layout.Header>
      {user?.role === 'authority' ? <AuthorityNav /> : null}
      {user?.role === 'expert' ? <ExpertNav /> : null}
      <Layout.Content>
        <main className={wide ? 'app-content app-content-wide' : 'app-content'}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </main>
      </Layout.Content>
      <Layout.Footer className="app-footer">服务型制造示范遴选申报平台 · 申报期间如有问题请联系所在地工业和信息化主管部门</Layout.Footer>
    </Layout>
  );
}
