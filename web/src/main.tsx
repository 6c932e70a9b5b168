import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './common/api/client';
import { SessionProvider } from './common/api/use-session';
import { I18nProvider, loadCatalogue, storedLocale } from './common/i18n/i18n';
import { router } from './routes';
import './common/global.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a dropped connection on a building site might.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
      staleTime: 15_000,
    },
  },
});

// the language this browser last used, before anything is drawn in it
void loadCatalogue(storedLocale()).then(() =>
  createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
  ),
);
