import { Body, Controller, Get, HttpCode, Param, Patch, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { AppError } from '../common/errors/app-error';
import { PROVINCES } from '../common/identifiers/resident-id';
import { ApiPageResponse } from '../common/http/api-responses';
import type { Page } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { CriminalThresholdsService } from './criminal-thresholds.service';
import { DeadlinesQuery, LegalDatesDto, ProvinceQuery, ThresholdDto } from './dto/legal-clocks.dto';
import { LegalClocksService } from './legal-clocks.service';
import {
  CaseCriminalThresholdView,
  CaseDeadlinesView,
  CriminalThresholdView,
  DueDeadlineView,
  toDeadlineView,
} from './legal-clocks.view';

@ApiTags('legal clocks')
@Controller()
export class LegalClocksController {
  constructor(
    private readonly clocks: LegalClocksService,
    private readonly thresholds: CriminalThresholdsService,
  ) {}

  @Get('criminal-thresholds')
  @Authenticated()
  @ApiOperation({ summary: 'The amounts of the crime of refusing to pay wages, per province (Criminal Law art. 276-1)' })
  @ApiOkResponse({ type: [CriminalThresholdView] })
  listThresholds() {
    return this.thresholds.list();
  }

  @Put('criminal-thresholds/:province')
  @HttpCode(204)
  @Requires('rules.manage')
  @ApiOperation({ summary: "Set a province's amounts, within the national range of the 2013 SPC interpretation" })
  async setThreshold(@Param('province') province: string, @Body() input: ThresholdDto) {
    await this.thresholds.set(checkedProvince(province), input);
  }

  @Get('cases/:caseId/criminal-threshold')
  @Requires('cases.read')
  @ApiOperation({ summary: "Whether the case meets a province's criminal threshold, and on which ground" })
  @ApiOkResponse({ type: CaseCriminalThresholdView })
  criminalThreshold(@Param('caseId', UuidParam) caseId: string, @Query() query: ProvinceQuery, @CurrentUser() actor: Actor) {
    return this.thresholds.checkCase(caseId, query.province, actor.scope);
  }

  @Get('cases/:caseId/deadlines')
  @Requires('cases.read')
  @ApiOperation({
    summary: "A case's legal clocks: mediation 15 days, arbitration 5 and 45(+15) days, instalments, payment order, " +
      "labour-bureau order, and each worker's limitation year; computed with the statutory holidays",
  })
  @ApiOkResponse({ type: CaseDeadlinesView })
  async forCase(@Param('caseId', UuidParam) caseId: string, @CurrentUser() actor: Actor): Promise<CaseDeadlinesView> {
    const clocks = await this.clocks.forCase(caseId, actor.scope);
    return { ...clocks, deadlines: clocks.deadlines.map(toDeadlineView), workers: clocks.workers.map(toDeadlineView) };
  }

  @Get('deadlines')
  @Requires('cases.read')
  @ApiOperation({ summary: 'What is overdue or due within N days across the open cases of your scope, soonest first, a page at a time' })
  @ApiPageResponse(DueDeadlineView)
  async due(@Query() query: DeadlinesQuery, @CurrentUser() actor: Actor): Promise<Page<DueDeadlineView>> {
    const page = await this.clocks.dueAcross(actor.scope, query.within, query);
    return { ...page, items: page.items.map(toDeadlineView) };
  }

  @Patch('cases/:caseId/legal-dates')
  @HttpCode(204)
  @Requires('cases.edit')
  @ApiOperation({ summary: 'Record arbitration, payment-order and labour-bureau order dates the clocks run from' })
  async setLegalDates(@Param('caseId', UuidParam) caseId: string, @Body() input: LegalDatesDto, @CurrentUser() actor: Actor) {
    await this.clocks.setLegalDates(caseId, input, actor);
  }
}

function checkedProvince(province: string): string {
  if (!PROVINCES.includes(province)) throw AppError.invalidField('province', 'UNKNOWN_PROVINCE');
  return province;
}
