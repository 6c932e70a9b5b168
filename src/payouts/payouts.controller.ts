import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { formatYuan } from '../common/money/money';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { PayoutListQuery, RecordPayoutsDto } from './dto/payout.dto';
import { PayoutRow, PayoutsService } from './payouts.service';

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
  async list(@Param('caseId', UuidParam) caseId: string, @Query() query: PayoutListQuery, @CurrentUser() actor: Actor) {
    const page = await this.payouts.list(caseId, query, actor.scope);
    return { ...page, items: page.items.map(toPayoutView) };
  }
}

function toPayoutView({ payout, workerName }: PayoutRow) {
  return {
    id: payout.id,
    claimId: payout.claimId,
    workerName,
    amount: formatYuan(payout.amountFen),
    paidOn: payout.paidOn,
    payerKind: payout.payerKind,
    channel: payout.channel,
    receiptReference: payout.receiptReference,
    batchId: payout.batchId,
    recordedById: payout.recordedById,
    createdAt: shanghaiTimestamp(payout.createdAt),
  };
}
