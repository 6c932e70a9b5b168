import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { ApiPageResponse } from '../common/http/api-responses';
import { AuditService } from './audit.service';
import { AuditEntryView, toAuditEntryView } from './audit.view';
import { AuditQuery } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Requires('audit.read')
  @ApiOperation({ summary: 'Search the audit trail by user, record, action and time; newest first' })
  @ApiPageResponse(AuditEntryView)
  async search(@Query() query: AuditQuery, @CurrentUser() actor: Actor) {
    const page = await this.audit.search(query, actor.scope);
    return { ...page, items: page.items.map(toAuditEntryView) };
  }
}
