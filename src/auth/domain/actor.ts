import type { Role } from './roles';

/**
 * The organisation subtree a user works in: their own organisation and every one below it
 * (`path` is the materialised path of their organisation, so "in scope" is a prefix match).
 */
export interface Scope {
  organisationId: string;
  path: string;
}

/** The authenticated user on whose behalf a service acts. */
export interface Actor {
  id: string;
  /** One or more, in the order of ROLES; the permissions are their union, the scope is one. */
  roles: Role[];
  scope: Scope;
}

export function inScope(scope: Scope, organisationPath: string): boolean {
  return organisationPath.startsWith(scope.path);
}
