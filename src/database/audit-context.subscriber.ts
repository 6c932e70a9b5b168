import { AsyncLocalStorage } from 'node:async_hooks';
import { EntitySubscriberInterface, EventSubscriber, TransactionStartEvent } from 'typeorm';

/** Who is acting and from where, for the audit trail the database writes; auth fills it per request. */
export interface RequestContext {
  actorId: string | null;
  clientAddress: string | null;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

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
