import type { components } from '../common/api/schema';
import type { SessionUser } from '../common/api/session';

type Role = components['schemas']['Role'];
type Permission = components['schemas']['Permission'];

/** The desk's own pages (the mediator's phone pages live under /day). */
export type PagePath = '/desk' | '/day' | '/overview' | '/breakdowns' | '/held-money' | '/online-reports' | '/cases' | '/admin';

/**
 * Each page of the navigation and the permission its work needs, in the order the navigation shows
 * them. A user with several roles sees every page one of their roles has work on (the permissions the
 * server sent are already the union), so a lawyer who mediates has both the desk and the day.
 */
const PAGES: readonly { path: PagePath; needsOneOf: Permission[] }[] = [
  { path: '/desk', needsOneOf: ['desk.log'] },
  { path: '/day', needsOneOf: ['mediation.manage'] },
  { path: '/overview', needsOneOf: ['reports.read'] },
  { path: '/breakdowns', needsOneOf: ['reports.read'] },
  // money held for workers (代管) across the scope, by age: the leaders' to watch; a mediator hands it over from the case
  { path: '/held-money', needsOneOf: ['reports.read'] },
  { path: '/cases', needsOneOf: ['cases.read'] },
  // workers' own online reports waiting for the union: the lawyers' and intake clerks' to take
  { path: '/online-reports', needsOneOf: ['worker_reports.handle'] },
  // administration has several sections, each behind its own permission (admin/admin-sections.ts)
  { path: '/admin', needsOneOf: ['organisations.manage', 'users.manage', 'audit.read', 'duty.manage', 'rules.manage'] },
];

/**
 * Where a user starts the day: the page of the first of these roles they hold. A leader looks at the
 * figures first whatever else they do; the on-duty lawyer starts at the desk even on the days they
 * also mediate (walk-ins come first); administration comes last, as the occasional job of someone who
 * also does casework.
 */
const HOME_BY_ROLE: readonly [Role, PagePath][] = [
  ['leader', '/overview'],
  ['lawyer', '/desk'],
  ['mediator', '/day'],
  ['intake_clerk', '/cases'],
  ['admin', '/overview'],
];

/** The pages in the user's navigation. */
export function pagesOf(user: Pick<SessionUser, 'permissions'>): PagePath[] {
  return PAGES.filter((page) => page.needsOneOf.some((permission) => user.permissions.includes(permission))).map((page) => page.path);
}

/** The user's home page (see HOME_BY_ROLE); the case list for anyone else. */
export function homeOf(user: Pick<SessionUser, 'roles'>): PagePath {
  return HOME_BY_ROLE.find(([role]) => user.roles.includes(role))?.[1] ?? '/cases';
}
