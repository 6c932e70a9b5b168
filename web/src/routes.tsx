import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './common/api/use-session';
import { homeOf } from './home/pages-of';
import { mediatorRoutes } from './mediation/routes';
import { workerRoutes } from './worker/routes';

export { homeOf };

// Each page loads when first opened: the login page does not carry the case page's code.
const DeskShell = lazy(() => import('./common/layout/desk-shell'));
const LoginPage = lazy(() => import('./auth/login-page'));
const ChangePasswordPage = lazy(() => import('./auth/change-password-page'));
const CaseListPage = lazy(() => import('./cases/case-list-page'));
const CasePage = lazy(() => import('./cases/case-page'));
const IntakePage = lazy(() => import('./cases/intake-page'));
const InboxPage = lazy(() => import('./inbox/inbox-page'));
const DashboardPage = lazy(() => import('./dashboard/dashboard-page'));
const BreakdownsPage = lazy(() => import('./dashboard/breakdowns-page'));
const HeldMoneyPage = lazy(() => import('./cases/held-money-page'));
const OnlineReportsPage = lazy(() => import('./online-reports/online-reports-page'));
const EmployerRecordPage = lazy(() => import('./employers/employer-record-page'));
const CaseSummaryPrint = lazy(() => import('./cases/case-summary-print'));
const AdminLayout = lazy(() => import('./admin/admin-layout'));
const DeskPage = lazy(() => import('./desk/desk-page'));
const NotFoundPage = lazy(() => import('./home/not-found-page'));
const ErrorPage = lazy(() => import('./home/error-page'));
/** Administration: each section its own page (admin/admin-sections.ts says who sees which). */
const adminPages = {
  organisations: lazy(() => import('./admin/organisations/organisations-page')),
  users: lazy(() => import('./admin/users/users-page')),
  audit: lazy(() => import('./admin/audit/audit-page')),
  duty: lazy(() => import('./admin/duty/duty-roster-page')),
  holidays: lazy(() => import('./admin/holidays/holidays-page')),
  season: lazy(() => import('./admin/season/season-page')),
  'reminder-rules': lazy(() => import('./admin/reminder-rules/reminder-rules-page')),
  thresholds: lazy(() => import('./admin/thresholds/thresholds-page')),
};

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
    // the workers' own pages: no login, no desk
    ...workerRoutes,
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
            { path: 'overview', element: page(<DashboardPage />) },
            { path: 'breakdowns/:dimension?', element: page(<BreakdownsPage />) },
            { path: 'held-money', element: page(<HeldMoneyPage />) },
            { path: 'online-reports', element: page(<OnlineReportsPage />) },
            { path: 'employers/:creditCode', element: page(<EmployerRecordPage />) },
            {
              path: 'admin',
              element: page(<AdminLayout />),
              children: Object.entries(adminPages).map(([path, Page]) => ({ path, element: page(<Page />) })),
            },
            { path: 'desk', element: page(<DeskPage />) },
            { path: '*', element: page(<NotFoundPage />) },
          ],
        },
        // printed for the file: the page alone, without the desk's frame
        { path: 'cases/:caseId/summary', element: page(<CaseSummaryPrint />) },
        // the mediator's phone pages have a light frame of their own (antd-mobile), not the desk's
        mediatorRoutes,
      ],
    },
  ],
  { basename: '/app' },
);
