import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { AgreementDocumentService } from './agreement-document.service';
import { AgendaQuery, AgreementDto, CreateRoomDto, RepresentativesDto, ScheduleSessionDto, SessionOutcomeDto } from './dto/mediation.dto';
import { toAgreementView, toSessionView } from './mediation.view';
import { MediationService } from './mediation.service';

@ApiTags('mediation')
@Controller()
export class MediationController {
  constructor(
    private readonly mediation: MediationService,
    private readonly documents: AgreementDocumentService,
  ) {}

  @Post('mediation-rooms')
  @Requires('organisations.manage')
  @ApiOperation({ summary: 'Add a mediation room to an organisation' })
  createRoom(@Body() input: CreateRoomDto, @CurrentUser() actor: Actor) {
    return this.mediation.createRoom(input, actor.scope);
  }

  @Get('mediation-rooms')
  @Authenticated()
  @ApiOperation({ summary: 'The mediation rooms of your scope' })
  listRooms(@CurrentUser() actor: Actor) {
    return this.mediation.listRooms(actor.scope);
  }

  @Get('mediation-sessions')
  @Requires('cases.read')
  @ApiOperation({ summary: "Sessions between two days, e.g. a mediator's week or a room's bookings" })
  async agenda(@Query() query: AgendaQuery, @CurrentUser() actor: Actor) {
    return (await this.mediation.agenda(query, actor.scope)).map(toSessionView);
  }

  @Post('cases/:caseId/sessions')
  @Requires('mediation.manage')
  @ApiOperation({ summary: 'Schedule a mediation session; a mediator or room already booked then answers 409' })
  async schedule(@Param('caseId', UuidParam) caseId: string, @Body() input: ScheduleSessionDto, @CurrentUser() actor: Actor) {
    return toSessionView(await this.mediation.schedule(caseId, input, actor));
  }

  @Get('cases/:caseId/sessions')
  @Requires('cases.read')
  async sessions(@Param('caseId', UuidParam) caseId: string, @CurrentUser() actor: Actor) {
    return (await this.mediation.sessionsOfCase(caseId, actor.scope)).map(toSessionView);
  }

  @Post('cases/:caseId/sessions/:sessionId/outcome')
  @HttpCode(200)
  @Requires('mediation.manage')
  @ApiOperation({ summary: 'Record attendance and the outcome: agreement, no agreement, or adjourned to a date' })
  async outcome(
    @Param('caseId', UuidParam) caseId: string,
    @Param('sessionId', UuidParam) sessionId: string,
    @Body() input: SessionOutcomeDto,
    @CurrentUser() actor: Actor,
  ) {
    return toSessionView(await this.mediation.recordOutcome(caseId, sessionId, input, actor));
  }

  @Post('cases/:caseId/sessions/:sessionId/cancel')
  @HttpCode(200)
  @Requires('mediation.manage')
  async cancel(
    @Param('caseId', UuidParam) caseId: string,
    @Param('sessionId', UuidParam) sessionId: string,
    @CurrentUser() actor: Actor,
  ) {
    return toSessionView(await this.mediation.cancel(caseId, sessionId, actor));
  }

  @Put('cases/:caseId/representatives')
  @Requires('mediation.manage')
  @ApiOperation({ summary: "The workers' elected representatives of a group case (LDMAA art. 7)" })
  setRepresentatives(@Param('caseId', UuidParam) caseId: string, @Body() input: RepresentativesDto, @CurrentUser() actor: Actor) {
    return this.mediation.setRepresentatives(caseId, input, actor);
  }

  @Post('cases/:caseId/agreement')
  @Requires('mediation.manage')
  @ApiOperation({ summary: 'Record the signed agreement and its instalments; a case in mediation moves to agreed' })
  async recordAgreement(@Param('caseId', UuidParam) caseId: string, @Body() input: AgreementDto, @CurrentUser() actor: Actor) {
    return toAgreementView(await this.mediation.recordAgreement(caseId, input, actor));
  }

  @Get('cases/:caseId/agreement')
  @Requires('cases.read')
  @ApiOperation({ summary: 'The agreement with each instalment matched to the payouts: paid, upcoming, due today or overdue' })
  async agreement(@Param('caseId', UuidParam) caseId: string, @CurrentUser() actor: Actor) {
    return toAgreementView(await this.mediation.agreement(caseId, actor.scope));
  }

  @Get('cases/:caseId/agreement/document')
  @Requires('cases.read')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The printable agreement (调解协议书) in Chinese, amounts also in capital numerals' })
  document(@Param('caseId', UuidParam) caseId: string, @CurrentUser() actor: Actor) {
    return this.documents.render(caseId, actor.scope);
  }
}
