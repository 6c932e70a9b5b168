import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { ApiPageResponse } from '../common/http/api-responses';
import { Page } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { HandoverDto, HeldMoneyQuery, PayoutListQuery, RecordPayoutsDto } from './dto/payout.dto';
import { HeldMoneyView, PayoutView, PayoutsRecordedView, toHeldMoneyView, toPayoutView } from './payout.view';
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

  @Post(':payoutId/handover')
  @HttpCode(204)
  @Requires('payouts.record')
  @ApiOperation({
    summary: 'Hand money held for a worker (代管) over to him: the day, the channel, the receipt',
    description: 'Once per held payout (409 HELD_MONEY_HANDED_OVER); a payout paid to the worker answers 409 PAYOUT_NOT_HELD.',
  })
  @ApiNoContentResponse()
  async handOver(
    @Param('caseId', UuidParam) caseId: string,
    @Param('payoutId', UuidParam) payoutId: string,
    @Body() input: HandoverDto,
    @CurrentUser() actor: Actor,
  ): Promise<void> {
    await this.payouts.handOver(caseId, payoutId, input, actor);
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

@ApiTags('payouts')
@Controller('held-money')
export class HeldMoneyController {
  constructor(private readonly payouts: PayoutsService) {}

  @Get()
  @Requires('cases.read')
  @ApiOperation({
    summary: 'Money held for workers who have not collected it (代管), on the cases of your scope: per organisation by age, and the sums, longest held first',
  })
  @ApiOkResponse({ type: HeldMoneyView })
  async held(@Query() query: HeldMoneyQuery, @CurrentUser() actor: Actor): Promise<HeldMoneyView> {
    return toHeldMoneyView(await this.payouts.held(query, actor.scope));
  }
}
