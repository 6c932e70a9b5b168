import type { components } from '../common/api/schema';

type Permission = components['schemas']['Permission'];

export type AdminSection = 'organisations' | 'users' | 'audit' | 'duty' | 'holidays' | 'season' | 'reminder-rules' | 'thresholds';

/**
 * The sections of administration, in the order the section menu shows them, each behind the
 * permission the server asks for its changes (README, permission matrix): a user sees the sections
 * they can act in, and no others.
 */
export const ADMIN_SECTIONS: readonly { section: AdminSection; needs: Permission }[] = [
  { section: 'organisations', needs: 'organisations.manage' },
  { section: 'users', needs: 'users.manage' },
  { section: 'duty', needs: 'duty.manage' },
  { section: 'holidays', needs: 'rules.manage' },
  { section: 'season', needs: 'rules.manage' },
  { section: 'reminder-rules', needs: 'rules.manage' },
  { section: 'thresholds', needs: 'rules.manage' },
  { section: 'audit', needs: 'audit.read' },
];

/** The sections this user may open. */
export function adminSectionsOf(permissions: readonly Permission[]): AdminSection[] {
  return ADMIN_SECTIONS.filter((entry) => permissions.includes(entry.needs)).map((entry) => entry.section);
}
