import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorId } from '../common/http/actor';
import { PageQuery } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { toCaseEventView } from '../timeline/case-event.view';
import { toCaseListItemView, toCaseView } from './case.view';
import { CasesService } from './cases.service';
import {
  AssignmentDto,
  CaseEmployerDto,
  CaseListQuery,
  CreateCaseDto,
  EvidenceDto,
  NoteDto,
  TransitionDto,
  UpdateCaseDto,
} from './dto/case.dto';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiOperation({ summary: 'Open a case: organisation, intake, employers, optionally workers and their claims' })
  async open(@Body() input: CreateCaseDto, @ActorId() actorId: string | null) {
    return toCaseView(await this.cases.open(input, actorId));
  }

  @Get()
  @ApiOperation({ summary: 'Cases with their totals; filter, search and sort' })
  async list(@Query() query: CaseListQuery) {
    const page = await this.cases.list(query);
    return { ...page, items: page.items.map(toCaseListItemView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case with its people, employers, evidence and totals' })
  async get(@Param('id', UuidParam) id: string) {
    return toCaseView(await this.cases.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the summary, intake channel or project; send the version you read' })
  async update(@Param('id', UuidParam) id: string, @Body() input: UpdateCaseDto, @ActorId() actorId: string | null) {
    return toCaseView(await this.cases.update(id, input, actorId));
  }

  @Post(':id/assignment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign (or unassign) the lawyer and the mediator' })
  async assign(@Param('id', UuidParam) id: string, @Body() input: AssignmentDto, @ActorId() actorId: string | null) {
    return toCaseView(await this.cases.assign(id, input, actorId));
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move the case to another status',
    description: 'A refused move answers 409 with the reason (e.g. MONEY_OUTSTANDING, MEDIATOR_REQUIRED).',
  })
  async transition(
    @Param('id', UuidParam) id: string,
    @Body() input: TransitionDto,
    @ActorId() actorId: string | null,
  ) {
    return toCaseView(await this.cases.transition(id, input, actorId));
  }

  @Post(':id/notes')
  @HttpCode(204)
  @ApiOperation({ summary: 'Add a note to the timeline' })
  async addNote(@Param('id', UuidParam) id: string, @Body() input: NoteDto, @ActorId() actorId: string | null) {
    await this.cases.addNote(id, input, actorId);
  }

  @Post(':id/evidence')
  @ApiOperation({ summary: 'Record a piece of evidence received' })
  async addEvidence(@Param('id', UuidParam) id: string, @Body() input: EvidenceDto, @ActorId() actorId: string | null) {
    return toCaseView(await this.cases.addEvidence(id, input, actorId));
  }

  @Post(':id/employers')
  @ApiOperation({ summary: 'Add an employer of the chain to the case' })
  async addEmployer(
    @Param('id', UuidParam) id: string,
    @Body() input: CaseEmployerDto,
    @ActorId() actorId: string | null,
  ) {
    return toCaseView(await this.cases.addEmployer(id, input, actorId));
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'The case timeline, oldest first' })
  async timeline(@Param('id', UuidParam) id: string, @Query() query: PageQuery) {
    const page = await this.cases.timeline(id, query);
    return { ...page, items: page.items.map(toCaseEventView) };
  }
}
