import type { ComponentType } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { RequireAuth } from './auth/RequireAuth';
import { LoginPage } from './pages/auth/login';
import { RegisterPage } from './pages/auth/register';
import { ResetPasswordPage } from './pages/auth/reset-password';
import { OutboxPage } from './pages/dev/outbox';
import { VerifyPage } from './pages/verify/number';
import { EntryPage } from './pages/organisation/entry';
import { CertifyPage } from './pages/organisation/certify';
import { ContactPage } from './pages/organisation/contact';
import { HomePage } from './pages/home';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { RouteErrorPage } from './pages/errors/RouteErrorPage';

/** The application pages are large (form, uploads): loaded only when opened. */
const lazyPage = (load: () => Promise<{ default: ComponentType }>): RouteObject['lazy'] =>
  async () => ({ Component: (await load()).default });

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/outbox', element: <OutboxPage /> },
      { path: '/verify/:number', element: <VerifyPage /> },
      { path: '/notice/:roundCode', lazy: lazyPage(() => import('./pages/public/notice/index')) },
      { path: '/units', lazy: lazyPage(() => import('./pages/public/units/index')) },
      {
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/entry', element: <EntryPage /> },
          { path: '/certify', element: <CertifyPage /> },
          { path: '/contact', element: <ContactPage /> },
          { path: '/first-login', lazy: async () => ({ Component: (await import('./pages/first-login/index')).FirstLoginPage }) },
          { path: '/security', lazy: async () => ({ Component: (await import('./pages/security/index')).SecurityPage }) },
          { path: '/accounts', lazy: async () => ({ Component: (await import('./pages/accounts/index')).AccountsPage }) },
          { path: '/applications/:id/edit', lazy: lazyPage(() => import('./pages/application/edit/index')) },
          { path: '/applications/:id/confirm', lazy: lazyPage(() => import('./pages/application/confirm/index')) },
          { path: '/applications/:id/complete', lazy: lazyPage(() => import('./pages/application/complete/index')) },
          { path: '/authority', lazy: lazyPage(() => import('./pages/authority/rounds/index')) },
          { path: '/authority/rounds/:roundId', lazy: lazyPage(() => import('./pages/authority/list/index')) },
          { path: '/authority/rounds/:roundId/summary', lazy: lazyPage(() => import('./pages/authority/summary/index')) },
          { path: '/authority/summary', lazy: lazyPage(() => import('./pages/authority/summary/index')) },
          { path: '/authority/applications/:id', lazy: lazyPage(() => import('./pages/authority/detail/index')) },
          { path: '/authority/paper', lazy: lazyPage(() => import('./pages/authority/paper/index')) },
          { path: '/authority/audit', lazy: lazyPage(() => import('./pages/authority/audit/index')) },
          { path: '/organiser/rounds', lazy: lazyPage(() => import('./pages/organiser/rounds/index')) },
          { path: '/organiser/rounds/:roundId', lazy: lazyPage(() => import('./pages/organiser/round/index')) },
          { path: '/organiser/experts', lazy: lazyPage(() => import('./pages/organiser/experts/index')) },
          { path: '/organiser/rounds/:roundId/assignments', lazy: lazyPage(() => import('./pages/organiser/assignments/index')) },
          { path: '/organiser/rounds/:roundId/ranking', lazy: lazyPage(() => import('./pages/organiser/ranking/index')) },
          { path: '/organiser/rounds/:roundId/decisions', lazy: lazyPage(() => import('./pages/organiser/decisions/index')) },
          { path: '/organiser/rounds/:roundId/inspections', lazy: lazyPage(() => import('./pages/organiser/inspections/index')) },
          { path: '/organiser/rounds/:roundId/notice', lazy: lazyPage(() => import('./pages/organiser/notice/index')) },
          { path: '/organiser/units', lazy: lazyPage(() => import('./pages/organiser/units/index')) },
          { path: '/expert', lazy: lazyPage(() => import('./pages/expert/list/index')) },
          { path: '/expert/assignments/:id', lazy: lazyPage(() => import('./pages/expert/review/index')) },
          { path: '/notifications', lazy: lazyPage(() => import('./pages/notifications/index')) },
          { path: '/dashboard', lazy: lazyPage(() => import('./pages/dashboard/index')) },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
