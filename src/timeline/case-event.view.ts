import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES, CaseStatus } from '../cases/domain/case-status';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { CASE_EVENT_KINDS, CaseEvent, CaseEventKind } from './case-event.record';

/** One line of a case's timeline. */
export class CaseEventView {
  @ApiProperty({ description: 'Increasing in the order the events were recorded', example: 1042 })
  id: number;
  @ApiProperty({ enum: CASE_EVENT_KINDS, enumName: 'CaseEventKind' })
  kind: CaseEventKind;
  /** On a status change. */
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus', nullable: true })
  fromStatus: CaseStatus | null;
  /** On a status change, and on opening. */
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus', nullable: true })
  toStatus: CaseStatus | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What happened, by kind (e.g. {"text": …} for a note, {"before": …, "after": …} for a correction)',
  })
  data: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who recorded it; null for the system' })
  actorId: string | null;
  @ApiProperty({ format: 'date', example: '2026-11-21', description: 'The day it happened (Asia/Shanghai)' })
  happenedOn: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-22T15:08:05+08:00', description: 'When it was recorded' })
  recordedAt: string;
}

export function toCaseEventView(event: CaseEvent): CaseEventView {
  return {
    id: Number(event.id),
    kind: event.kind,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    data: event.data,
    actorId: event.actorId,
    happenedOn: event.happenedOn,
    recordedAt: shanghaiTimestamp(event.occurredAt),
  };
}
