import { ExecutionContext, SetMetadata, applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Actor } from './domain/actor';
import type { Permission } from './domain/permissions';

export const ACCESS_METADATA = 'access';
export type Access = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'permission'; permission: Permission };

/** No login needed: health, login, token refresh. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies Access);

/** Any logged-in user, whatever their roles (their own session and password). */
export const Authenticated = () =>
  applyDecorators(SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies Access), ApiBearerAuth());

/** The permission the endpoint needs; the matrix in domain/permissions.ts says which roles have it (one of the user's roles is enough). */
export const Requires = (permission: Permission) =>
  applyDecorators(SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies Access), ApiBearerAuth());

/** The logged-in user, as the services take it. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const user = context.switchToHttp().getRequest<{ user?: Actor }>().user;
  if (!user) throw new Error('CurrentUser used on an endpoint without authentication');
  return { id: user.id, roles: user.roles, scope: user.scope };
});
