import { useEffect } from 'react';
import { App } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { setApiErrorListener } from './client';
import { useAuth } from '../auth/AuthContext';
import { isPublicPath, loginPathFor } from '../auth/paths';

/**
 * The one place that turns failed requests into Chinese messages; on 401 it forgets the user and
 * sends them to the login page with a way back. Rendered once inside the router.
 */
export function ApiErrorHandler() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const { setUser } = useAuth();

  useEffect(() => {
    setApiErrorListener((err) => {
      // One toast per distinct text, so a burst of failing requests shows one message.
      message.error({ content: err.message, key: `api-error:${err.message}` });
      if (err.status === 401 && !isPublicPath(location.pathname)) {
        setUser(null);
        navigate(loginPathFor(location.pathname + location.search), { replace: true });
      }
    });
    return () => setApiErrorListener(null);
  }, [message, navigate, location.pathname, location.search, setUser]);

  return null;
}
