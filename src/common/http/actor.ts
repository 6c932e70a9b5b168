import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';
import { isUuid } from './uuid-param.pipe';

/**
 * Who is acting, for the timeline. Until login arrives (the access issue), a client names the acting
 * user in the `X-User-Id` header; it is not verified, and the access issue replaces this decorator
 * with the authenticated user. The services check that the user exists.
 */
export const ActorId = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const header = request.headers['x-user-id'];
  if (header === undefined || header === '') return null;
  if (typeof header !== 'string' || !isUuid(header)) {
    throw AppError.invalidField('X-User-Id', 'INVALID_UUID');
  }
  return header.toLowerCase();
});
