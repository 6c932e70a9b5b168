import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';

const DayPage = lazy(() => import('./day-page'));

/** The mediator's phone pages, under /app/day. */
export const mediatorRoutes: RouteObject = {
  path: 'day',
  children: [
    {
      index: true,
      element: (
        <Suspense fallback={null}>
          <DayPage />
        </Suspense>
      ),
    },
  ],
};
