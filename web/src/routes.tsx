import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './common/api/use-session';
import { homeOf } from './home/pages-of';
import { mediatorRoutes } from './mediation/routes';

export { homeOf };

// Each page loads when first opened: the login page does not carry the case page's code.
const DeskShell = lazy(() => import('./common/layout/desk-shell'));
const LoginPage = lazy(() => import('./auth/login-page'));
const ChangePasswordPage = lazy(() => import('./auth/change-password-page'));
const CaseListPage = lazy(() => import('./cases/case-list-page'));
const CasePage = lazy(() => import('./cases/case-page'));
const IntakePage = lazy(() => import('./cases/intake-page'));
const InboxPage = lazy(() => import('./inbox/inbox-page'));
const LeaderHome = lazy(() => import('./home/leader-home'));
const DeskPage = lazy(() => import('./desk/desk-page'));
const NotFoundPage = lazy(() => import('./home/not-found-page'));
const ErrorPage = lazy(() => import('./home/error-page'));

function RequireLogin() {
  const { user } = useSession();
  const location = useLocation();
  // back to where the user was sent from after the login (a reminder's link), but never to the password page
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname === '/password' ? undefined : location.pathname + location.search }} />;
  if (user.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return <Outlet />;
}

function Home() {
  const { user } = useSession();
  return <Navigate to={user ? homeOf(user) : '/login'} replace />;
}

const page = (element: React.ReactNode) => <Suspense fallback={null}>{element}</Suspense>;

export const router = createBrowserRouter(
  [
    { path: '/login', element: page(<LoginPage />) },
    {
      element: <RequireLogin />,
      errorElement: page(<ErrorPage />),
      children: [
        {
          element: page(<DeskShell />),
          children: [
            { index: true, element: <Home /> },
            { path: 'password', element: page(<ChangePasswordPage />) },
            { path: 'cases', element: page(<CaseListPage />) },
            { path: 'cases/new', element: page(<IntakePage />) },
            { path: 'cases/:caseId', element: page(<CasePage />) },
            { path: 'inbox', element: page(<InboxPage />) },
            { path: 'overview', element: page(<LeaderHome />) },
            { path: 'desk', element: page(<DeskPage />) },
            { path: '*', element: page(<NotFoundPage />) },
          ],
        },
        // the mediator's phone pages have a light frame of their own (antd-mobile), not the desk's
        mediatorRoutes,
      ],
    },
  ],
  { basename: '/app' },
);
