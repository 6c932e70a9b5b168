import { lazy, ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';

// Part of the app's first download (routes.tsx imports it): the workers' pages load when first opened,
// antd-mobile with them, and nothing of the desk's.
const ReportPage = lazy(() => import('./report-page'));
const FollowPage = lazy(() => import('./follow-page'));

const page = (element: ReactNode) => <Suspense fallback={null}>{element}</Suspense>;

/** The workers' own pages, open to anyone (no login): report arrears, follow the report and rate the case. */
export const workerRoutes: RouteObject[] = [
  { path: 'report', element: page(<ReportPage />) },
  { path: 'report/follow', element: page(<FollowPage />) },
];
