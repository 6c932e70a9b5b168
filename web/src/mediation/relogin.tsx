import { LoginForm } from '../auth/login-form';
import { useMessages } from '../common/i18n/i18n';
import { AntdRoot } from '../common/layout/antd-root';

/**
 * The login over a phone page whose session could not be renewed. Loaded only then (it brings antd's
 * form along); the page under it stays as it was, with everything typed, for the next submit.
 */
export default function Relogin() {
  const m = useMessages();
  return (
    <div className="m-relogin" role="dialog" aria-modal="true" aria-labelledby="m-relogin-title">
      <div className="m-relogin-box">
        <AntdRoot>
          <h2 id="m-relogin-title">{m.auth.reloginTitle}</h2>
          <p>{m.auth.expired}</p>
          <LoginForm onDone={() => undefined} />
        </AntdRoot>
      </div>
    </div>
  );
}
