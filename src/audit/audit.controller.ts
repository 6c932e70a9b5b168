import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { AuditService } from './audit.service';
import { AuditQuery } from './dto/audit-query.dto';

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
