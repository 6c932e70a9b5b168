import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/errors/app-error';
import { ACCESS_METADATA, Access } from './auth.decorators';
import { AuthService, AuthenticatedUser } from './auth.service';
import { allows } from './domain/permissions';

/**
 * The one place where access is decided: every request but the public ones needs a valid access
 * token, and the endpoint's permission must be among those of the caller's roles (domain/permissions.ts).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    // assertEveryRouteDeclaresAccess() refuses to start without it; this is the belt to those braces.
    if (!access) throw new AppError('FORBIDDEN', { role: 'unknown' });
    if (access.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new AppError('UNAUTHENTICATED', { reason: 'missing_token' });
    const user = await this.auth.authenticate(match[1]);
    request.user = user;
    if (access.kind === 'permission' && !allows(user.roles, access.permission)) {
      // every role the user holds, so the message names them all ("律师、调解员")
      throw new AppError('FORBIDDEN', { role: user.roles.join(',') });
    }
    return true;
  }
}
