import { homeOf, pagesOf } from './pages-of';

// the permissions as /auth/me sends them: the union of the user's roles' (the README matrix)
const READ = ['cases.read', 'workers.read', 'employers.read', 'users.read'] as const;
const LAWYER = [...READ, 'desk.log', 'cases.open', 'cases.edit', 'claims.edit', 'workers.edit', 'workers.reveal', 'employers.edit'] as const;
const MEDIATOR = [...READ, 'cases.edit', 'cases.assign', 'cases.transition', 'claims.edit', 'payouts.record', 'mediation.manage', 'workers.reveal'] as const;
const LEADER = [...READ, 'reports.read'] as const;
const ADMIN = [...READ, 'organisations.manage', 'users.manage', 'audit.read', 'duty.manage', 'rules.manage', 'reports.read'] as const;
const CLERK = [...READ, 'cases.open', 'cases.edit', 'cases.assign', 'cases.dispatch', 'workers.edit', 'employers.edit'] as const;

const user = (roles: string[], ...permissions: (readonly string[])[]) =>
  ({ roles, permissions: [...new Set(permissions.flat())] }) as Parameters<typeof homeOf>[0] & Parameters<typeof pagesOf>[0];

describe('the pages a user starts on and can go to', () => {
  it('starts each single role where it did: the desk, the day, the case list, the figures', () => {
    expect(homeOf(user(['lawyer'], LAWYER))).toBe('/desk');
    expect(homeOf(user(['mediator'], MEDIATOR))).toBe('/day');
    expect(homeOf(user(['intake_clerk'], CLERK))).toBe('/cases');
    expect(homeOf(user(['leader'], LEADER))).toBe('/overview');
    expect(homeOf(user(['admin'], ADMIN))).toBe('/overview');
  });

  it('gives a lawyer who mediates the desk as home, and both the desk and the day in the navigation', () => {
    const both = user(['lawyer', 'mediator'], LAWYER, MEDIATOR);
    expect(homeOf(both)).toBe('/desk');
    expect(pagesOf(both)).toEqual(['/desk', '/day', '/cases']);
  });

  it('gives a leader who administers the figures, once', () => {
    const both = user(['admin', 'leader'], ADMIN, LEADER);
    expect(homeOf(both)).toBe('/overview');
    expect(pagesOf(both)).toEqual(['/overview', '/breakdowns', '/held-money', '/cases', '/admin']);
  });

  it('puts casework before administration: an administrator who is also a mediator starts on the day', () => {
    const both = user(['admin', 'mediator'], ADMIN, MEDIATOR);
    expect(homeOf(both)).toBe('/day');
    expect(pagesOf(both)).toEqual(['/day', '/overview', '/breakdowns', '/held-money', '/cases', '/admin']);
  });

  it('shows a clerk only the case list', () => {
    expect(pagesOf(user(['intake_clerk'], CLERK))).toEqual(['/cases']);
  });
});
