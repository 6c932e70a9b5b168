import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { ApiPageResponse } from '../common/http/api-responses';
import { Page, PageQuery } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { ApproveCorrectionDto, RejectCorrectionDto, RequestCorrectionDto } from './dto/payout.dto';
import { PayoutCorrectionView, toPayoutCorrectionView } from './payout-correction.view';
import { PayoutCorrectionsService } from './payout-corrections.service';

@ApiTags('payouts')
@Controller()
export class PayoutCorrectionsController {
  constructor(private readonly corrections: PayoutCorrectionsService) {}

  @Post('cases/:caseId/payouts/:payoutId/corrections')
  @Requires('payouts.correct')
  @ApiOperation({
    summary: 'Ask for a payout to be corrected (冲正): voided, or replaced by what was really paid',
    description:
      'Changes no money until a leader or an administrator other than the requester approves it. ' +
      'A payout already corrected answers 409 PAYOUT_ALREADY_CORRECTED; one with a request waiting, 409 PAYOUT_CORRECTION_PENDING.',
  })
  @ApiCreatedResponse({ type: PayoutCorrectionView })
  async request(
    @Param('caseId', UuidParam) caseId: string,
    @Param('payoutId', UuidParam) payoutId: string,
    @Body() input: RequestCorrectionDto,
    @CurrentUser() actor: Actor,
  ): Promise<PayoutCorrectionView> {
    return toPayoutCorrectionView(await this.corrections.request(caseId, payoutId, input, actor));
  }

  @Get('cases/:caseId/payout-corrections')
  @Requires('cases.read')
  @ApiOperation({ summary: "The case's payout corrections, newest first, pending, approved and rejected" })
  @ApiOkResponse({ type: [PayoutCorrectionView] })
  async ofCase(@Param('caseId', UuidParam) caseId: string, @CurrentUser() actor: Actor): Promise<PayoutCorrectionView[]> {
    return (await this.corrections.listOfCase(caseId, actor.scope)).map(toPayoutCorrectionView);
  }

  @Get('payout-corrections/pending')
  @Requires('payouts.approve')
  @ApiOperation({ summary: 'The payout corrections waiting for approval on the cases of your scope, oldest first' })
  @ApiPageResponse(PayoutCorrectionView)
  async pending(@Query() query: PageQuery, @CurrentUser() actor: Actor): Promise<Page<PayoutCorrectionView>> {
    const page = await this.corrections.pending(query, actor.scope);
    return { ...page, items: page.items.map(toPayoutCorrectionView) };
  }

  @Post('cases/:caseId/payout-corrections/:correctionId/approve')
  @HttpCode(200)
  @Requires('payouts.approve')
  @ApiOperation({
    summary: 'Approve a payout correction: its reversal and replacement enter the ledger',
    description:
      'The requester cannot approve his own (403 OWN_CORRECTION). A case closed as paid in full that the correction leaves owing goes back to paying.',
  })
  @ApiOkResponse({ type: PayoutCorrectionView })
  async approve(
    @Param('caseId', UuidParam) caseId: string,
    @Param('correctionId', UuidParam) correctionId: string,
    @Body() input: ApproveCorrectionDto,
    @CurrentUser() actor: Actor,
  ): Promise<PayoutCorrectionView> {
    return toPayoutCorrectionView(await this.corrections.approve(caseId, correctionId, input, actor));
  }

  @Post('cases/:caseId/payout-corrections/:correctionId/reject')
  @HttpCode(200)
  @Requires('payouts.approve')
  @ApiOperation({ summary: 'Reject a payout correction, saying why; the ledger is untouched' })
  @ApiOkResponse({ type: PayoutCorrectionView })
  async reject(
    @Param('caseId', UuidParam) caseId: string,
    @Param('correctionId', UuidParam) correctionId: string,
    @Body() input: RejectCorrectionDto,
    @CurrentUser() actor: Actor,
  ): Promise<PayoutCorrectionView> {
    return toPayoutCorrectionView(await this.corrections.reject(caseId, correctionId, input, actor));
  }
}
