import { BellOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Layout, Tag } from 'antd';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../api/use-session';
import { useMessages } from '../i18n/i18n';
import { AntdRoot } from './antd-root';
import { LanguageSwitch } from './language-switch';
import { pagesOf, type PagePath } from '../../home/pages-of';
import type { SessionUser } from '../api/session';
import type { Messages } from '../i18n/zh-CN';

/** Every page one of the user's roles has work on (home/pages-of.ts). */
function navItemsOf(user: SessionUser, m: Messages) {
  const labels: Record<PagePath, string> = {
    '/desk': m.nav.desk,
    '/day': m.nav.day,
    '/overview': m.nav.home,
    '/breakdowns': m.nav.breakdowns,
    '/held-money': m.nav.heldMoney,
    '/online-reports': m.nav.onlineReports,
    '/cases': m.nav.cases,
    '/admin': m.nav.admin,
  };
  return pagesOf(user).map((path) => ({ key: path, label: labels[path] }));
}

const ReloginDialog = lazy(() => import('./relogin-dialog'));

/** The festival's countdown, on every page: the season is about that day. */
export function FestivalCountdown() {
  const m = useMessages();
  const season = useQuery({ queryKey: ['season'], queryFn: () => unwrap(api.GET('/season')), staleTime: 10 * 60_000 });
  if (!season.data) return null;
  const days = season.data.daysToEve;
  return (
    <Tag color={days <= 14 ? 'red' : days <= 30 ? 'orange' : 'blue'} style={{ marginInlineEnd: 0 }} title={`${m.festival.eve} ${season.data.eve}`}>
      {m.festival.countdown(days)}
    </Tag>
  );
}

function InboxBadge() {
  const m = useMessages();
  const unread = useQuery({
    queryKey: ['inbox', 'unread'],
    queryFn: () => unwrap(api.GET('/inbox/unread-count')),
    refetchInterval: 60_000,
  });
  const count = unread.data?.unread ?? 0;
  return (
    <Link to="/inbox" aria-label={`${m.inbox.title}: ${m.inbox.unread(count)}`} style={{ display: 'inline-flex', padding: 8 }}>
      <Badge count={count} size="small" overflowCount={99}>
        <BellOutlined style={{ fontSize: 20, color: '#fff' }} />
      </Badge>
    </Link>
  );
}

/** The desk pages' frame: the pages of the user's roles, the countdown, the inbox, the language and the account. */
export default function DeskShell() {
  const m = useMessages();
  const { user, expired, signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const nav = useRef<HTMLElement>(null);
  // on a phone the links scroll sideways: the page one is on stays in sight, not scrolled off the edge
  useEffect(() => {
    nav.current?.querySelector('a.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  if (!user) return null;
  const items = navItemsOf(user, m);
  const logout = async () => {
    await api.POST('/auth/logout').catch(() => undefined);
    signOut();
    void navigate('/login', { replace: true });
  };

  return (
    <AntdRoot>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 8, paddingInline: 12, flexWrap: 'nowrap' }}>
          <Link to="/" style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap', fontSize: 16 }}>
            {m.app.shortName}
          </Link>
          {/* plain links: antd's Menu would add about 25 KiB gzip to every page for three entries */}
          <nav ref={nav} aria-label={m.nav.main} className="desk-nav">
            {items.map((item) => (
              <NavLink key={item.key} to={item.key}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <span className="hide-on-phone">
            <FestivalCountdown />
          </span>
          <InboxBadge />
          <LanguageSwitch onDark />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'who', label: m.nav.who(user.displayName, user.roles.map((role) => m.roles[role])), disabled: true },
                { key: 'password', label: <Link to="/password">{m.auth.changePassword}</Link> },
                { key: 'logout', label: m.auth.logout, onClick: () => void logout() },
              ],
            }}
          >
            <Button type="text" icon={<UserOutlined style={{ color: '#fff' }} />} aria-label={m.nav.account} />
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: 'clamp(8px, 2vw, 24px)', maxWidth: 1400, width: '100%', margin: '0 auto' }}>
          <Outlet />
        </Layout.Content>
      </Layout>
      {expired && (
        <Suspense fallback={null}>
          <ReloginDialog />
        </Suspense>
      )}
    </AntdRoot>
  );
}
