import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { HealthCheckResult, HealthCheckStatus, HealthIndicatorResult, HealthIndicatorStatus } from '@nestjs/terminus';

// Terminus exports these as types only; `satisfies` keeps the lists to its values.
const HEALTH_STATUSES = ['ok', 'error', 'shutting_down'] as const satisfies readonly HealthCheckStatus[];
const INDICATOR_STATUSES = ['up', 'down'] as const satisfies readonly HealthIndicatorStatus[];

/** One indicator's answer (the database's); a failing one may add a `message`. */
export class HealthIndicatorView {
  @ApiProperty({ enum: INDICATOR_STATUSES, enumName: 'HealthIndicatorStatus' })
  status: HealthIndicatorStatus;
}

const BY_INDICATOR = { type: 'object', additionalProperties: { $ref: getSchemaPath(HealthIndicatorView) } } as const;

/** What @nestjs/terminus answers: the overall status, and each indicator by name ("database"). */
export class HealthView implements HealthCheckResult {
  @ApiProperty({ enum: HEALTH_STATUSES, enumName: 'HealthStatus' })
  status: HealthCheckStatus;

  @ApiPropertyOptional({ ...BY_INDICATOR, description: 'The indicators that are up', example: { database: { status: 'up' } } })
  info?: HealthCheckResult['info'];

  @ApiPropertyOptional({ ...BY_INDICATOR, description: 'The indicators that are down', example: {} })
  error?: HealthCheckResult['error'];

  @ApiProperty({ ...BY_INDICATOR, description: 'Every indicator', example: { database: { status: 'up' } } })
  details: HealthIndicatorResult;
}
