import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { tableDownload } from '../common/export/send-export';
import { ApiPageResponse, ApiTableResponse } from '../common/http/api-responses';
import { Page, PageQuery } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { CaseEventView, toCaseEventView } from '../timeline/case-event.view';
import { CASE_EXPORT_COLUMNS } from './case-export';
import {
  CaseListItemView,
  CaseView,
  CaseWithWarningsView,
  DispatchedCaseView,
  toCaseListItemView,
  toCaseView,
} from './case.view';
import { CasesService } from './cases.service';
import { SeasonService } from '../campaign/season.service';
import {
  AssignmentDto,
  CaseEmployerDto,
  CaseExportQuery,
  CaseListQuery,
  CreateCaseDto,
  DispatchDto,
  EvidenceDto,
  NoteDto,
  TransitionDto,
  UpdateCaseDto,
} from './dto/case.dto';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly season: SeasonService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Requires('cases.open')
  @ApiOperation({ summary: 'Open a case: organisation, intake, employers, optionally workers and their claims' })
  @ApiCreatedResponse({ type: CaseWithWarningsView })
  async open(@Body() input: CreateCaseDto, @CurrentUser() actor: Actor): Promise<CaseWithWarningsView> {
    const detail = await this.cases.open(input, actor);
    return { ...toCaseView(detail, await this.season.current()), warnings: await this.cases.lawyerConflicts(detail.record) };
  }

  @Get()
  @Requires('cases.read')
  @ApiOperation({ summary: 'Cases in your scope with their totals; filter, search and sort' })
  @ApiPageResponse(CaseListItemView)
  async list(@Query() query: CaseListQuery, @CurrentUser() actor: Actor): Promise<Page<CaseListItemView>> {
    const page = await this.cases.list(query, actor.scope);
    const season = await this.season.current();
    return { ...page, items: page.items.map((item) => toCaseListItemView(item, season)) };
  }

  @Get('export')
  @Requires('cases.read')
  @ApiOperation({ summary: 'Every case the list would show (same filters and sort, no pages) as a spreadsheet or CSV' })
  @ApiTableResponse(undefined, 'The cases as a spreadsheet (format=xlsx) or CSV (format=csv)')
  async export(@Query() query: CaseExportQuery, @CurrentUser() actor: Actor) {
    const rows = await this.cases.exportRows(query, actor.scope);
    return tableDownload(query.format, `案件清单_${shanghaiDate(this.clock.now())}`, CASE_EXPORT_COLUMNS, rows);
  }

  @Get(':id')
  @Requires('cases.read')
  @ApiOperation({ summary: 'One case with its people, employers, evidence and totals' })
  @ApiOkResponse({ type: CaseView })
  async get(@Param('id', UuidParam) id: string, @CurrentUser() actor: Actor): Promise<CaseView> {
    return toCaseView(await this.cases.get(id, actor.scope), await this.season.current());
  }

  @Patch(':id')
  @Requires('cases.edit')
  @ApiOperation({ summary: 'Change the summary, intake channel or project; send the version you read' })
  @ApiOkResponse({ type: CaseView })
  async update(
    @Param('id', UuidParam) id: string,
    @Body() input: UpdateCaseDto,
    @CurrentUser() actor: Actor,
  ): Promise<CaseView> {
    return toCaseView(await this.cases.update(id, input, actor), await this.season.current());
  }

  @Post(':id/assignment')
  @HttpCode(200)
  @Requires('cases.assign')
  @ApiOperation({ summary: 'Assign (or unassign) the lawyer and the mediator' })
  @ApiOkResponse({ type: CaseWithWarningsView })
  async assign(
    @Param('id', UuidParam) id: string,
    @Body() input: AssignmentDto,
    @CurrentUser() actor: Actor,
  ): Promise<CaseWithWarningsView> {
    const detail = await this.cases.assign(id, input, actor);
    return { ...toCaseView(detail, await this.season.current()), warnings: await this.cases.lawyerConflicts(detail.record) };
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Requires('cases.transition')
  @ApiOperation({
    summary: 'Move the case to another status',
    description: 'A refused move answers 409 with the reason (e.g. MONEY_OUTSTANDING, MEDIATOR_REQUIRED).',
  })
  @ApiOkResponse({ type: CaseView })
  async transition(
    @Param('id', UuidParam) id: string,
    @Body() input: TransitionDto,
    @CurrentUser() actor: Actor,
  ): Promise<CaseView> {
    return toCaseView(await this.cases.transition(id, input, actor), await this.season.current());
  }

  @Post(':id/dispatch')
  @HttpCode(200)
  @Requires('cases.dispatch')
  @ApiOperation({ summary: '派单: hand the case to another organisation (recorded on the timeline)' })
  @ApiOkResponse({ type: DispatchedCaseView })
  async dispatch(
    @Param('id', UuidParam) id: string,
    @Body() input: DispatchDto,
    @CurrentUser() actor: Actor,
  ): Promise<DispatchedCaseView> {
    return this.cases.dispatch(id, input, actor);
  }

  @Post(':id/notes')
  @HttpCode(204)
  @Requires('cases.edit')
  @ApiOperation({ summary: 'Add a note to the timeline' })
  async addNote(@Param('id', UuidParam) id: string, @Body() input: NoteDto, @CurrentUser() actor: Actor) {
    await this.cases.addNote(id, input, actor);
  }

  @Post(':id/evidence')
  @Requires('cases.open')
  @ApiOperation({ summary: 'Record a piece of evidence received' })
  @ApiCreatedResponse({ type: CaseView })
  async addEvidence(
    @Param('id', UuidParam) id: string,
    @Body() input: EvidenceDto,
    @CurrentUser() actor: Actor,
  ): Promise<CaseView> {
    return toCaseView(await this.cases.addEvidence(id, input, actor), await this.season.current());
  }

  @Post(':id/employers')
  @Requires('cases.open')
  @ApiOperation({ summary: 'Add an employer of the chain to the case' })
  @ApiCreatedResponse({ type: CaseView })
  async addEmployer(
    @Param('id', UuidParam) id: string,
    @Body() input: CaseEmployerDto,
    @CurrentUser() actor: Actor,
  ): Promise<CaseView> {
    return toCaseView(await this.cases.addEmployer(id, input, actor), await this.season.current());
  }

  @Get(':id/events')
  @Requires('cases.read')
  @ApiOperation({ summary: 'The case timeline, oldest first' })
  @ApiPageResponse(CaseEventView)
  async timeline(
    @Param('id', UuidParam) id: string,
    @Query() query: PageQuery,
    @CurrentUser() actor: Actor,
  ): Promise<Page<CaseEventView>> {
    const page = await this.cases.timeline(id, query, actor.scope);
    return { ...page, items: page.items.map(toCaseEventView) };
  }
}
