import { readmePermissionMatrix } from '../../../test/support/readme-matrix';
import { ROLES } from './roles';
import { PERMISSIONS, ROLE_PERMISSIONS } from './permissions';

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
