import type { FieldProblem } from '../../common/errors/app-error';

/**
 * The roles a user can hold; what each may do is in permissions.ts. A user holds one or more of them
 * (in a district union the on-duty lawyer often mediates, the clerk often opens cases): they may do
 * whatever any of their roles may. Pure.
 */
export const ROLES = ['admin', 'leader', 'lawyer', 'mediator', 'intake_clerk'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * What is wrong with a list of roles as a client sent it, each problem at its item (`roles.1`) so a
 * form can show it there: an unknown role, or one already named earlier in the list. An empty list is
 * the DTO's to refuse (it has no item to point at).
 */
export function roleListProblems(roles: readonly unknown[], field = 'roles'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  roles.forEach((role, index) => {
    if (!isRole(role)) {
      problems.push({ field: `${field}.${index}`, code: 'NOT_ONE_OF', params: { allowed: ROLES.join(', ') } });
      return;
    }
    const earlier = roles.indexOf(role);
    if (earlier < index) problems.push({ field: `${field}.${index}`, code: 'DUPLICATE_IN_REQUEST', params: { other: earlier + 1 } });
  });
  return problems;
}

/**
 * The roles in the order of ROLES, whatever order they were entered in: a user's roles read the same
 * on every page, and the audit trail shows a change of roles, not a change of their order.
 */
export function inRoleOrder(roles: readonly Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}
