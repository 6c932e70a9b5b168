import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { CaseView, toCaseView } from '../cases/case.view';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { ConflictsService } from './conflicts.service';
import { DeskService } from './desk.service';
import { SeasonService } from '../campaign/season.service';
import {
  CaseConflictsView,
  ConsultationDayView,
  ConsultationView,
  DutyShiftView,
  EarlyWarningView,
  LawyerEngagementView,
  RosterEntryView,
  VisitLoggedView,
  toConsultationView,
  toVisitView,
  toWarningView,
} from './desk.view';
import {
  ConsultationDto,
  ConsultationListQuery,
  DutyShiftDto,
  DutyShiftsDto,
  EARLY_WARNING_STATUSES,
  EarlyWarningStatus,
  EngagementDto,
  EngagementListQuery,
  MonthRosterDto,
  MonthRostersDto,
  OpenFromDeskDto,
  OutreachVisitDto,
  RosterQuery,
} from './dto/desk.dto';

export class WarningQuery {
  @ApiPropertyOptional({ enum: EARLY_WARNING_STATUSES })
  @IsOptional()
  @IsIn(EARLY_WARNING_STATUSES)
  status?: EarlyWarningStatus;
}

@ApiTags('lawyers desk')
@Controller()
export class DeskController {
  constructor(
    private readonly desk: DeskService,
    private readonly conflicts: ConflictsService,
    private readonly season: SeasonService,
  ) {}

  @Post('duty-shifts')
  @Requires('duty.manage')
  @ApiOperation({ summary: 'Put a lawyer on duty at a service center for a day (one center a day per lawyer)' })
  @ApiCreatedResponse({ type: DutyShiftView })
  addShift(@Body() input: DutyShiftDto, @CurrentUser() actor: Actor) {
    return this.desk.addShift(input, actor);
  }

  @Post('duty-shifts/bulk')
  @Requires('duty.manage')
  @ApiOperation({
    summary: 'Put many lawyers on duty in one request (a month for two lawyers is 60 lines)',
    description:
      'All or nothing: every line is checked as POST /duty-shifts checks one, and each wrong line is named ' +
      '(shifts.3.day: on duty elsewhere that day, or twice in the request; shifts.3.lawyerId: not an active ' +
      'lawyer; shifts.3.organisationId: outside your scope). Send an Idempotency-Key to retry safely.',
  })
  @ApiCreatedResponse({ type: [DutyShiftView] })
  addShifts(@Body() input: DutyShiftsDto, @CurrentUser() actor: Actor): Promise<DutyShiftView[]> {
    return this.desk.addShifts(input, actor);
  }

  @Put('duty-shifts/month')
  @Requires('duty.manage')
  @ApiOperation({
    summary: "Replace a service center's roster for a month with the shifts sent (none clears it)",
    description:
      'One transaction; the same checks as the bulk addition, and every day must lie in the month. ' +
      "Shifts at other centers stay. Answers the month's roster, as GET /duty-shifts?month= does.",
  })
  @ApiOkResponse({ type: [RosterEntryView] })
  replaceMonth(@Body() input: MonthRosterDto, @CurrentUser() actor: Actor): Promise<RosterEntryView[]> {
    return this.desk.replaceMonth(input, actor);
  }

  @Put('duty-shifts/months')
  @Requires('duty.manage')
  @ApiOperation({
    summary: "Replace several service centers' rosters for a month at once (the month grid)",
    description:
      'One transaction for them all: the same checks as PUT /duty-shifts/month for each center, every problem named ' +
      '(rosters.1.shifts.4.day), and a lawyer moved between two of the centers on a day is no clash. Centers not sent ' +
      "keep their month. Answers the centers' rosters.",
  })
  @ApiOkResponse({ type: [RosterEntryView] })
  replaceMonths(@Body() input: MonthRostersDto, @CurrentUser() actor: Actor): Promise<RosterEntryView[]> {
    return this.desk.replaceMonths(input, actor);
  }

  @Delete('duty-shifts/:id')
  @HttpCode(204)
  @Requires('duty.manage')
  async removeShift(@Param('id', UuidParam) id: string, @CurrentUser() actor: Actor) {
    await this.desk.removeShift(id, actor.scope);
  }

  @Get('duty-shifts')
  @Requires('cases.read')
  @ApiOperation({ summary: "Who is on duty today at a service center, or the month's roster with month=YYYY-MM" })
  @ApiOkResponse({ type: [RosterEntryView] })
  roster(@Query() query: RosterQuery, @CurrentUser() actor: Actor) {
    return this.desk.roster(query.organisationId, query.month, actor.scope);
  }

  @Post('consultations')
  @Requires('desk.log')
  @ApiOperation({ summary: 'Log a consultation (the worker may stay anonymous)' })
  @ApiCreatedResponse({ type: ConsultationView })
  async logConsultation(@Body() input: ConsultationDto, @CurrentUser() actor: Actor): Promise<ConsultationView> {
    return toConsultationView(await this.desk.logConsultation(input, actor));
  }

  @Get('consultations')
  @Requires('cases.read')
  @ApiOperation({ summary: "A lawyer's consultations of a day (yours, today, by default) with counts" })
  @ApiOkResponse({ type: ConsultationDayView })
  async consultations(@Query() query: ConsultationListQuery, @CurrentUser() actor: Actor): Promise<ConsultationDayView> {
    const day = await this.desk.consultations(query, actor);
    return { ...day, items: day.items.map(toConsultationView) };
  }

  @Post('consultations/:id/case')
  @Requires('cases.open')
  @ApiOperation({ summary: 'Open a case from a consultation; its data is carried over and both are linked' })
  @ApiCreatedResponse({ type: CaseView })
  async caseFromConsultation(
    @Param('id', UuidParam) id: string,
    @Body() input: OpenFromDeskDto,
    @CurrentUser() actor: Actor,
  ): Promise<CaseView> {
    return toCaseView(await this.desk.caseFromConsultation(id, input, actor), await this.season.current());
  }

  @Post('outreach-visits')
  @Requires('desk.log')
  @ApiOperation({ summary: 'Record an outreach visit (送法进企业); arrears found raise an early warning' })
  @ApiCreatedResponse({ type: VisitLoggedView })
  async logVisit(@Body() input: OutreachVisitDto, @CurrentUser() actor: Actor): Promise<VisitLoggedView> {
    const { visit, earlyWarning } = await this.desk.logVisit(input, actor);
    return { visit: toVisitView(visit), earlyWarning: earlyWarning && toWarningView(earlyWarning) };
  }

  @Get('early-warnings')
  @Requires('cases.read')
  @ApiOkResponse({ type: [EarlyWarningView] })
  async warnings(@Query() query: WarningQuery, @CurrentUser() actor: Actor): Promise<EarlyWarningView[]> {
    return (await this.desk.warnings(query.status, actor.scope)).map(toWarningView);
  }

  @Post('early-warnings/:id/case')
  @Requires('cases.open')
  @ApiOperation({ summary: 'Open a case from an early warning (employer and project carried over)' })
  @ApiCreatedResponse({ type: CaseView })
  async caseFromWarning(
    @Param('id', UuidParam) id: string,
    @Body() input: OpenFromDeskDto,
    @CurrentUser() actor: Actor,
  ): Promise<CaseView> {
    return toCaseView(await this.desk.caseFromWarning(id, input, actor), await this.season.current());
  }

  @Post('lawyer-engagements')
  @HttpCode(204)
  @Requires('desk.log')
  @ApiOperation({ summary: 'Declare an employer you have acted for: assigning you against it will be flagged' })
  async declareEngagement(@Body() input: EngagementDto, @CurrentUser() actor: Actor) {
    await this.desk.declareEngagement(input, actor);
  }

  @Get('lawyer-engagements')
  @Requires('users.read')
  @ApiOperation({ summary: "A lawyer's past engagements: the employers they declared acting for (the lawyer in your scope)" })
  @ApiOkResponse({ type: [LawyerEngagementView] })
  engagements(@Query() query: EngagementListQuery, @CurrentUser() actor: Actor) {
    return this.desk.engagementsOf(query.lawyerId, actor.scope);
  }

  @Get('cases/:caseId/conflicts')
  @Requires('cases.read')
  @ApiOperation({ summary: "Workers claiming in another open case; a lawyer who has acted for one of the case's employers" })
  @ApiOkResponse({ type: CaseConflictsView })
  conflictsOfCase(@Param('caseId', UuidParam) caseId: string, @CurrentUser() actor: Actor) {
    return this.conflicts.forCase(caseId, actor.scope);
  }
}
