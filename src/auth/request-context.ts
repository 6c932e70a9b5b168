import { AsyncLocalStorage } from 'node:async_hooks';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import type { AuthenticatedUser } from './auth.service';

/**
 * Who is acting and from where, for the audit trail the database writes: at the start of every
 * transaction, database/audit-context.subscriber.ts hands it to the audit triggers.
 */
export interface RequestContext {
  actorId: string | null;
  clientAddress: string | null;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** Runs each request's handler inside its context, so every transaction it opens knows its actor. */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const store: RequestContext = { actorId: request.user?.id ?? null, clientAddress: request.ip ?? null };
    return new Observable((subscriber) => requestContext.run(store, () => next.handle().subscribe(subscriber)));
  }
}
