import { useQuery } from '@tanstack/react-query';
import { ConfigProvider, SpinLoading, Tag, unstableSetRender } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { lazy, ReactNode, Suspense, useEffect } from 'react';
import { createRoot, Root } from 'react-dom/client';
import { Link, Outlet } from 'react-router';
import { api, unwrap } from '../common/api/client';
import { useSession } from '../common/api/use-session';
import { useI18n, useMessagesWith } from '../common/i18n/i18n';
import { mediationMessages } from './mediation.messages';
import { formProblems } from './api-errors';
import { PhoneLanguageSwitch } from './language-switch';
import { keys } from './queries';
import './phone.css';

// antd-mobile 5 renders Toast and Dialog with ReactDOM.render, which React 19 no longer has: it is
// given React 19's createRoot once, here, before any of them is shown (its "v5 for React 19" guide).
unstableSetRender((node, container) => {
  const target = container as (Element | DocumentFragment) & { _mediationRoot?: Root };
  target._mediationRoot ??= createRoot(target);
  const root = target._mediationRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    delete target._mediationRoot;
  };
});

// The login form is antd's: loaded only when a session ends, never with the pages.
const Relogin = lazy(() => import('./relogin'));

/**
 * The frame of the mediator's phone pages (the route at /app/day): antd-mobile in the language on
 * screen, and the login over the page when the session can no longer be renewed; the page under it
 * stays mounted, with what was typed, and cannot be reached until the user has logged in again.
 */
export default function MediationFrame() {
  const { locale } = useI18n();
  const { expired } = useSession();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>
      <div inert={expired}>
        <Outlet />
      </div>
      {expired && (
        <Suspense fallback={null}>
          <Relogin />
        </Suspense>
      )}
    </ConfigProvider>
  );
}

/** The festival's countdown: the season is about that day. */
function FestivalCountdown() {
  const m = useMessagesWith({ mediation: mediationMessages });
  const season = useQuery({ queryKey: keys.season, queryFn: () => unwrap(api.GET('/season')), staleTime: 10 * 60_000 });
  if (!season.data) return <span className="m-countdown" />;
  const days = season.data.daysToEve;
  return (
    <span className="m-countdown" title={`${m.festival.eve} ${season.data.eve}`}>
      <Tag color={days <= 14 ? 'danger' : days <= 30 ? 'warning' : 'primary'} fill="outline" round>
        {m.festival.countdown(days)}
      </Tag>
    </span>
  );
}

/**
 * One phone page: the title bar (back, title, language), the countdown with the ways out (the inbox,
 * the case on the desk), the content, and the primary action under the thumb.
 */
export function PhoneScreen({ title, backTo, caseId, footer, children }: { title: string; backTo?: string; caseId?: string; footer?: ReactNode; children: ReactNode }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  useEffect(() => {
    document.title = `${title} · ${m.app.shortName}`;
  }, [title, m]);
  return (
    <div className="m-frame">
      <header className="m-bar">
        <div className="m-bar-row">
          {backTo && (
            <Link className="m-back" to={backTo}>
              <span aria-hidden="true">‹&nbsp;</span>
              {m.common.back}
            </Link>
          )}
          <h1 className="m-title">{title}</h1>
          <PhoneLanguageSwitch />
        </div>
        <nav className="m-strip" aria-label={m.mediation.frame.elsewhere}>
          <FestivalCountdown />
          <Link to="/inbox">{m.inbox.title}</Link>
          {caseId && <Link to={`/cases/${caseId}`}>{m.mediation.frame.deskCase}</Link>}
        </nav>
      </header>
      <main className="m-main">{children}</main>
      {footer && <div className="m-footer">{footer}</div>}
    </div>
  );
}

/** Waiting for the first answer. */
export function Loading() {
  const m = useMessagesWith({ mediation: mediationMessages });
  return (
    <div className="m-center" role="status" aria-label={m.common.loading}>
      <SpinLoading color="primary" />
    </div>
  );
}

/** The page could not be read: the API's words (a case not found, not in your scope) or a network failure. */
export function LoadFailed({ error }: { error: unknown }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  return (
    <div className="m-alert" role="alert">
      <strong>{m.common.loadFailed}</strong>
      {formProblems(error, m).message}
    </div>
  );
}
