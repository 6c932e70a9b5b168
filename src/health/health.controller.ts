import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { HealthIndicatorView, HealthView } from './health.view';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Public()
  // Terminus's own documentation is an anonymous schema; ours names the shape for the web client.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness and database check (503 when the database does not answer)' })
  @ApiExtraModels(HealthIndicatorView)
  @ApiOkResponse({ type: HealthView })
  @ApiServiceUnavailableResponse({
    type: HealthView,
    description: 'The database did not answer: `error.database` says so (status "down", and a message on a timeout)',
  })
  check(): Promise<HealthView> {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 3000 })]);
  }
}
