import { ApiProperty } from '@nestjs/swagger';
import { shanghaiTimestamp } from '../common/time/shanghai';
import type { AuditRow } from './audit.repository';
import { AUDIT_ACTIONS, AuditAction } from './dto/audit-query.dto';

/** One entry of the audit trail: who did what to which record, with the record before and after. */
export class AuditEntryView {
  @ApiProperty({ type: 'integer', example: 10452 })
  id: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T15:08:05+08:00' })
  occurredAt: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: a failed login of an unknown name, or the set-up command' })
  actorId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '王律师' })
  actorName: string | null;

  @ApiProperty({ type: String, nullable: true, example: '10.0.0.12' })
  clientAddress: string | null;

  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  action: AuditAction;

  @ApiProperty({ example: 'workers', description: 'Table of the record: cases, claims, payouts, workers, users…' })
  entityType: string;

  @ApiProperty({ type: String, nullable: true, description: 'Id of the record' })
  entityId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The record before the change' })
  before: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The record after the change, or what the event was about' })
  after: Record<string, unknown> | null;
}

export function toAuditEntryView(row: AuditRow): AuditEntryView {
  return {
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
  };
}
