/** The roles a user can hold; what each may do is in permissions.ts. Pure. */
export const ROLES = ['admin', 'leader', 'lawyer', 'mediator', 'intake_clerk'] as const;
export type Role = (typeof ROLES)[number];
