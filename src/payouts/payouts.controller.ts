import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { ApiPageResponse } from '../common/http/api-responses';
import { Page } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { PayoutListQuery, RecordPayoutsDto } from './dto/payout.dto';
import { PayoutView, PayoutsRecordedView, toPayoutView } from './payout.view';
import { PayoutsService } from './payouts.service';

@ApiTags('payouts')
@Controller('cases/:caseId/payouts')
export class PayoutsController {
  constructor(private readonly payouts: PayoutsService) {}

  @Post()
  @Requires('payouts.record')
  @ApiOperation({
    summary: 'Record payouts: one worker or a whole pay day in one request, all or nothing',
    description: 'A payout larger than what a worker is still owed answers 409 PAYOUT_EXCEEDS_OUTSTANDING.',
  })
  @ApiCreatedResponse({ type: PayoutsRecordedView })
  async record(
    @Param('caseId', UuidParam) caseId: string,
    @Body() input: RecordPayoutsDto,
    @CurrentUser() actor: Actor,
  ) {
    return this.payouts.record(caseId, input, actor);
  }

  @Get()
  @Requires('cases.read')
  @ApiOperation({ summary: "The case's payouts, by day" })
  @ApiPageResponse(PayoutView)
  async list(
    @Param('caseId', UuidParam) caseId: string,
    @Query() query: PayoutListQuery,
    @CurrentUser() actor: Actor,
  ): Promise<Page<PayoutView>> {
    const page = await this.payouts.list(caseId, query, actor.scope);
    return { ...page, items: page.items.map(toPayoutView) };
  }
}
