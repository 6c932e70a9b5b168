import { readmePermissionMatrix } from '../../../test/support/readme-matrix';
import { ROLES } from './roles';
import { PERMISSIONS, ROLE_PERMISSIONS, allows, permissionsOf } from './permissions';

describe('the permission matrix', () => {
  it('is the one the README states, permission by permission and role by role', () => {
    const readme = readmePermissionMatrix();
    expect([...readme.keys()].sort()).toEqual([...PERMISSIONS].sort());
    for (const permission of PERMISSIONS) {
      const inCode = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
      expect({ permission, roles: [...readme.get(permission)!].sort() }).toEqual({ permission, roles: [...inCode].sort() });
    }
  });

  it('lets every role read cases, and only administrators manage users', () => {
    for (const role of ROLES) expect(ROLE_PERMISSIONS[role]).toContain('cases.read');
    expect(ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('users.manage'))).toEqual(['admin']);
  });
});

describe('a user with several roles', () => {
  it('may do whatever any of their roles may, and nothing more: the on-duty lawyer who also mediates', () => {
    const both = permissionsOf(['lawyer', 'mediator']);
    // the lawyer's desk and the mediator's money, in one person
    expect(allows(['lawyer', 'mediator'], 'desk.log')).toBe(true);
    expect(allows(['lawyer', 'mediator'], 'payouts.record')).toBe(true);
    expect(allows(['lawyer'], 'payouts.record')).toBe(false);
    expect(allows(['mediator'], 'desk.log')).toBe(false);
    // neither role sees the figures or manages anything
    expect(allows(['lawyer', 'mediator'], 'reports.read')).toBe(false);
    expect(allows(['lawyer', 'mediator'], 'users.manage')).toBe(false);
    expect(both).toEqual(PERMISSIONS.filter((p) => ROLE_PERMISSIONS.lawyer.includes(p) || ROLE_PERMISSIONS.mediator.includes(p)));
    expect(both).toHaveLength(18);
  });

  it('lists each permission once, in the matrix order, whatever the order of the roles', () => {
    expect(permissionsOf(['intake_clerk', 'leader'])).toEqual(permissionsOf(['leader', 'intake_clerk']));
    expect(permissionsOf(['admin', 'leader'])).toEqual(permissionsOf(['admin']));
    expect(new Set(permissionsOf([...ROLES])).size).toBe(PERMISSIONS.length);
    expect(permissionsOf([...ROLES])).toEqual([...PERMISSIONS]);
  });

  it('allows nothing to a user with no role (the database refuses such a user; this fails closed all the same)', () => {
    expect(permissionsOf([])).toEqual([]);
    expect(allows([], 'cases.read')).toBe(false);
  });
});
