import { Injectable } from '@nestjs/common';
import type { SecurityLog } from '../auth/auth-ports';
import type { Scope } from '../auth/domain/actor';
import { offsetOf } from '../common/http/pagination';
import type { Tx } from '../database/transactions';
import { AuditAction, AuditQuery } from './dto/audit-query.dto';

export interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  client_address: string | null;
  action: AuditAction;
  entity_type: string;
  entity_id: string | null;
  /** JSON objects: the row before and after (triggers), or what a security event was about. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** A security event that changes no business row (a login, a reveal): the triggers write the rest. */
export interface AuditEvent {
  occurredAt: Date;
  actorId: string | null;
  clientAddress: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  after: Record<string, unknown>;
}

/** The audit log (audit_log): append-only, the database refuses to change or delete an entry. */
@Injectable()
export class AuditRepository implements SecurityLog {
  async insertEvent(tx: Tx, event: AuditEvent): Promise<void> {
    await tx.query(
      `INSERT INTO audit_log (occurred_at, actor_id, client_address, action, entity_type, entity_id, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [event.occurredAt, event.actorId, event.clientAddress, event.action, event.entityType, event.entityId, event.after],
    );
  }

  /**
   * One page of the entries the scope may see, newest first, and how many there are: what users of
   * the organisation subtree did, and entries with no user only from the top of a tree.
   */
  async search(tx: Tx, query: AuditQuery, scope: Scope): Promise<{ items: AuditRow[]; total: number }> {
    const params: unknown[] = [scope.path];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const conditions = [
      `(a.actor_id IN (SELECT u.id FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE o.path LIKE $1 || '%')
        OR (a.actor_id IS NULL AND $1 = (SELECT '/' || id || '/' FROM organisations WHERE path = $1)))`,
    ];
    if (query.actorId) conditions.push(`a.actor_id = ${param(query.actorId)}`);
    if (query.entityType) conditions.push(`a.entity_type = ${param(query.entityType)}`);
    if (query.entityId) conditions.push(`a.entity_id = ${param(query.entityId)}`);
    if (query.action) conditions.push(`a.action = ${param(query.action)}`);
    if (query.from) conditions.push(`a.occurred_at >= (${param(query.from)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (query.to) {
      conditions.push(`a.occurred_at < ((${param(query.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
    }
    const where = conditions.join(' AND ');
    const [{ total }] = await tx.query(`SELECT count(*)::int AS total FROM audit_log a WHERE ${where}`, params);
    const items: AuditRow[] = await tx.query(
      `SELECT a.*, u.display_name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        WHERE ${where} ORDER BY a.id DESC LIMIT ${query.pageSize} OFFSET ${offsetOf(query)}`,
      params,
    );
    return { items, total };
  }
}
