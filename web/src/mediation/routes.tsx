import { lazy, ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';

// This file is part of the app's first download (routes.tsx imports it): everything else loads when
// a phone page is first opened, and antd-mobile only with them.
const MediationFrame = lazy(() => import('./frame'));
const DayPage = lazy(() => import('./day-page'));
const CasePage = lazy(() => import('./case-page'));
const ConfirmPage = lazy(() => import('./confirm-page'));
const SchedulePage = lazy(() => import('./schedule-page'));
const OutcomePage = lazy(() => import('./outcome-page'));
const AgreementPage = lazy(() => import('./agreement-page'));
const PayDayPage = lazy(() => import('./pay-day-page'));

const page = (element: ReactNode) => <Suspense fallback={null}>{element}</Suspense>;

/** The mediator's phone pages, under /app/day, in a light frame of their own (antd-mobile, not the desk's antd). */
export const mediatorRoutes: RouteObject = {
  path: 'day',
  element: page(<MediationFrame />),
  children: [
    { index: true, element: page(<DayPage />) },
    { path: 'cases/:caseId', element: page(<CasePage />) },
    { path: 'cases/:caseId/confirm', element: page(<ConfirmPage />) },
    { path: 'cases/:caseId/schedule', element: page(<SchedulePage />) },
    { path: 'cases/:caseId/sessions/:sessionId/outcome', element: page(<OutcomePage />) },
    { path: 'cases/:caseId/agreement', element: page(<AgreementPage />) },
    { path: 'cases/:caseId/pay-day', element: page(<PayDayPage />) },
  ],
};
