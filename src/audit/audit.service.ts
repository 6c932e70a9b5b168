import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Scope } from '../auth/domain/actor';
import { Page, offsetOf } from '../common/http/pagination';
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

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * An administrator sees what users of their organisation subtree did; entries with no user
   * (failed logins of unknown names, changes made by the set-up command) only from the top of a tree.
   */
  async search(query: AuditQuery, scope: Scope): Promise<Page<AuditRow>> {
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
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log a WHERE ${where}`, params);
    const items: AuditRow[] = await this.dataSource.query(
      `SELECT a.*, u.display_name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        WHERE ${where} ORDER BY a.id DESC LIMIT ${query.pageSize} OFFSET ${offsetOf(query)}`,
      params,
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
