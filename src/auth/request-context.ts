import { AsyncLocalStorage } from 'node:async_hooks';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { EntitySubscriberInterface, EventSubscriber, TransactionStartEvent } from 'typeorm';
import type { AuthenticatedUser } from './auth.service';

/** Who is acting and from where, for the audit trail the database writes. */
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

/**
 * At the start of every transaction, tells the database who is acting (transaction-local settings
 * read by the audit triggers). Every write of the service runs in a transaction.
 */
@EventSubscriber()
export class AuditContextSubscriber implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    const context = requestContext.getStore();
    if (!context) return;
    await event.queryRunner.query(
      `SELECT set_config('app.actor_id', $1, true), set_config('app.client_address', $2, true)`,
      [context.actorId ?? '', context.clientAddress ?? ''],
    );
  }
}
