import { useRouteError } from 'react-router';
import { useMessages } from '../common/i18n/i18n';

/** A page that failed to draw: said plainly, with a way back, instead of the router's developer page. */
export default function ErrorPage() {
  const m = useMessages();
  const error = useRouteError();
  return (
    <main role="alert" style={{ maxWidth: 560, margin: '48px auto', padding: 16, fontSize: 16 }}>
      <h1 style={{ fontSize: 20 }}>{m.errors.server}</h1>
      <p style={{ color: 'rgba(0,0,0,0.65)' }}>{error instanceof Error ? error.message : String(error)}</p>
      <p>
        <a href="/app/">{m.common.goHome}</a>
      </p>
    </main>
  );
}
