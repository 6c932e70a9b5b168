import { Card, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../common/api/use-session';
import { useMessages } from '../common/i18n/i18n';
import { AntdRoot } from '../common/layout/antd-root';
import { LanguageSwitch } from '../common/layout/language-switch';
import { homeOf } from '../routes';
import { LoginForm } from './login-form';

export default function LoginPage() {
  const m = useMessages();
  const { user } = useSession();
  const from = (useLocation().state as { from?: string } | null)?.from;
  // logged in (now, or already): on to the page that sent here (a reminder's link), or the role's home
  if (user) return <Navigate to={user.mustChangePassword ? '/password' : (from ?? homeOf(user))} replace />;
  return (
    <AntdRoot>
      <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16 }}>
        <Card style={{ width: '100%', maxWidth: 380 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}>
            <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
              {m.app.name}
            </Typography.Title>
            <LanguageSwitch />
          </div>
          <LoginForm />
        </Card>
      </main>
    </AntdRoot>
  );
}
