import { ApiProperty } from '@nestjs/swagger';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { ROLES, Role } from './domain/roles';
import type { AuthenticatedUser, TokenPair } from './auth.service';
import { LOCALES, type Locale } from './domain/locale';
import { PERMISSIONS, Permission, permissionsOf } from './domain/permissions';

const TOKEN_TYPE = 'Bearer';

/** A token pair: send the access token as `Authorization: Bearer …`, the refresh token to /auth/refresh. */
export class TokenPairView {
  @ApiProperty({ enum: [TOKEN_TYPE] })
  tokenType: typeof TOKEN_TYPE;

  @ApiProperty({ description: 'Short-lived; send it as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T15:38:05+08:00' })
  accessExpiresAt: string;

  @ApiProperty({ description: 'Exchange it for a new pair at /auth/refresh before it expires; it works once' })
  refreshToken: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T03:08:05+08:00' })
  refreshExpiresAt: string;
}

/** The logged-in user, as /auth/me and the login answer show them. */
export class CurrentUserView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'wang.lawyer' })
  username: string;

  @ApiProperty({ example: '王律师' })
  displayName: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true, description: 'One or more, in this order: admin, leader, lawyer, mediator, intake_clerk' })
  roles: Role[];

  @ApiProperty({ format: 'uuid', description: 'Their organisation: they see it and everything below it' })
  organisationId: string;

  @ApiProperty({ enum: LOCALES, enumName: 'Locale' })
  locale: Locale;

  @ApiProperty({ description: 'Someone else set the password: the user must choose a new one (POST /auth/password)' })
  mustChangePassword: boolean;

  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true, description: "What the user may do: the union of their roles' permissions (the README matrix)" })
  permissions: Permission[];
}

export class LoginView extends TokenPairView {
  @ApiProperty({ type: CurrentUserView })
  user: CurrentUserView;
}

export function toTokenPairView(tokens: TokenPair): TokenPairView {
  return {
    tokenType: TOKEN_TYPE,
    accessToken: tokens.accessToken,
    accessExpiresAt: shanghaiTimestamp(tokens.accessExpiresAt),
    refreshToken: tokens.refreshToken,
    refreshExpiresAt: shanghaiTimestamp(tokens.refreshExpiresAt),
  };
}

export function toCurrentUserView(user: AuthenticatedUser): CurrentUserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    organisationId: user.scope.organisationId,
    locale: user.locale,
    mustChangePassword: user.passwordChangeRequired,
    permissions: permissionsOf(user.roles),
  };
}

export function toLoginView({ user, ...tokens }: TokenPair & { user: AuthenticatedUser }): LoginView {
  return { ...toTokenPairView(tokens), user: toCurrentUserView(user) };
}
