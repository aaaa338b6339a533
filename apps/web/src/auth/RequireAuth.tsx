import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../components/PageLoading';
import { useAuth } from './AuthContext';
import { loginPathFor, requiredStepPath } from './paths';

/** Shows its children only to a logged-in user; others go to the login page and come back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loggedOut } = useAuth();
  const location = useLocation();
  if (user === undefined) return <PageLoading />;
  if (!user) return <Navigate to={loggedOut ? '/login' : loginPathFor(location.pathname + location.search)} replace />;
  // Issued accounts bind a contact and change the one-time password, then privileged roles bind a
  // second factor, before anything else (the API refuses the rest).
  const step = requiredStepPath(user, location.pathname);
  if (step) return <Navigate to={step} replace />;
  return <>{children}</>;
}
