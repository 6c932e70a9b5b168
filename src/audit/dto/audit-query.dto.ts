import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsCalendarDate } from '../../common/http/validators';

export const AUDIT_ACTIONS = ['insert', 'update', 'delete', 'reveal', 'download', 'login', 'login_failed', 'logout', 'lookup', 'lookup_failed'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'From this day (Asia/Shanghai), inclusive' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'To this day (Asia/Shanghai), inclusive' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
