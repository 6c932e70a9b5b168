import { Result, Typography } from 'antd';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../common/api/use-session';
import { useMessagesWith } from '../common/i18n/i18n';
import { adminMessages } from './admin.messages';
import { adminSectionsOf } from './admin-sections';
import './admin.css';

/** Administration's frame: the sections this user may open, as a row of links above the open one. */
export default function AdminLayout() {
  const m = useMessagesWith({ admin: adminMessages });
  const { user } = useSession();
  const location = useLocation();
  const sections = user ? adminSectionsOf(user.permissions) : [];
  if (sections.length === 0) return <Result status="403" title={m.errors.forbidden} />;
  // /admin alone opens the first section the user may open
  if (location.pathname.replace(/\/$/, '').endsWith('/admin')) return <Navigate to={sections[0]} replace />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {m.admin.title}
      </Typography.Title>
      <nav aria-label={m.admin.title} className="admin-sections">
        {sections.map((section) => (
          <NavLink key={section} to={section}>
            {m.admin.sections[section]}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
