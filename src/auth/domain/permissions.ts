/**
 * Who may do what: the permission matrix, in one place, role by role (a user with several roles has the
 * union). The README's table is checked against this file by a test, so the two cannot drift apart.
 * Every endpoint names the permission it needs; an endpoint that names none is refused to everyone
 * (forgetting fails closed).
 */
import type { Role } from './roles';

export const PERMISSIONS = [
  'cases.read', // see cases, their claims, payouts and timeline (in scope)
  'cases.open', // open a case, add workers' claims, evidence and employers
  'cases.edit', // change a case's summary, channel, project; add notes and evidence files
  'cases.assign', // assign the lawyer and the mediator
  'cases.dispatch', // 派单: move a case to another organisation
  'cases.transition', // change a case's status
  'claims.edit', // correct and confirm claims
  'payouts.record', // record payouts
  'payouts.correct', // ask for a payout to be corrected (冲正), which a second person approves
  'payouts.approve', // approve or reject someone else's payout correction
  'callbacks.record', // record a callback after closing (回访): reached or not, and how satisfied
  'callbacks.follow_up', // follow up a callback answered "not satisfied"
  'mediation.manage', // schedule sessions, record their outcome, representatives and agreements
  'workers.read', // see workers (id numbers and phones masked)
  'workers.edit', // register and correct workers
  'workers.reveal', // see a full id number or phone number (audited)
  'employers.read', // see employers and projects
  'employers.edit', // register and correct employers and projects
  'organisations.manage', // create, rename and move organisations
  'users.read', // see users of the organisation tree
  'users.manage', // create users, reset passwords, deactivate accounts
  'audit.read', // search the audit trail
  'duty.manage', // set the lawyers' duty roster
  'desk.log', // log consultations and outreach visits, turn them into cases
  'rules.manage', // the rules the law leaves to data: holiday schedules, criminal thresholds per province
  'worker_reports.handle', // the workers' online reports: accept into a case, join to one, decline with a reason
  'reports.read', // the figures of the scope (recovered, workers helped, completion, before the festival) and their exports
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = ['cases.read', 'workers.read', 'employers.read', 'users.read'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [
    ...READ_ALL,
    'organisations.manage',
    'users.manage',
    'audit.read',
    'duty.manage',
    'rules.manage',
    'reports.read',
    'payouts.approve',
    'callbacks.follow_up',
  ],
  leader: [...READ_ALL, 'reports.read', 'payouts.approve', 'callbacks.follow_up'],
  lawyer: [
    ...READ_ALL,
    'desk.log',
    'cases.open',
    'cases.edit',
    'claims.edit',
    'callbacks.record',
    'workers.edit',
    'workers.reveal',
    'employers.edit',
    'worker_reports.handle',
  ],
  mediator: [
    ...READ_ALL,
    'cases.edit',
    'cases.assign',
    'cases.transition',
    'claims.edit',
    'payouts.record',
    'payouts.correct',
    'callbacks.record',
    'mediation.manage',
    'workers.reveal',
  ],
  intake_clerk: [...READ_ALL, 'cases.open', 'cases.edit', 'cases.assign', 'cases.dispatch', 'workers.edit', 'employers.edit', 'worker_reports.handle'],
};

/**
 * Whether a user holding these roles may do it: several roles add up (the union of what each may do);
 * no role takes anything away. A user's scope is their organisation's subtree whatever their roles.
 */
export function allows(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Everything a user holding these roles may do (in PERMISSIONS' order), for the pages to show only what the server will allow. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  return PERMISSIONS.filter((permission) => allows(roles, permission));
}
