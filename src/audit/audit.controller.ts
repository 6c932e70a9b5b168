import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor, Scope } from '../auth/domain/actor';
import { Page, PageQuery, offsetOf } from '../common/http/pagination';
import { IsCalendarDate } from '../common/http/validators';
import { shanghaiTimestamp } from '../common/time/shanghai';

const AUDIT_ACTIONS = ['insert', 'update', 'delete', 'reveal', 'login', 'login_failed', 'logout'] as const;

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Who acted' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'workers', description: 'Table of the record: cases, claims, payouts, workers, users…' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  entityType?: string;

  @ApiPropertyOptional({ description: 'Id of the record' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'From this day (Asia/Shanghai), inclusive' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'To this day (Asia/Shanghai), inclusive' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  client_address: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
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

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Requires('audit.read')
  @ApiOperation({ summary: 'Search the audit trail by user, record, action and time; newest first' })
  async search(@Query() query: AuditQuery, @CurrentUser() actor: Actor) {
    const page = await this.audit.search(query, actor.scope);
    return {
      ...page,
      items: page.items.map((row) => ({
        id: Number(row.id),
        occurredAt: shanghaiTimestamp(new Date(row.occurred_at)),
        actorId: row.actor_id,
        actorName: row.actor_name,
        clientAddress: row.client_address,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
      })),
    };
  }
}
