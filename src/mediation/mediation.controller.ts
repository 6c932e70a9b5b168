import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Authenticated, CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { ApiHtmlResponse } from '../common/http/api-responses';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { AgreementDocumentService } from './agreement-document.service';
import { AgreementDocumentQuery } from './dto/agreement-document.dto';
import { AgendaQuery, AgreementDto, CreateRoomDto, RepresentativesDto, ScheduleSessionDto, SessionOutcomeDto } from './dto/mediation.dto';
import {
  AgreementView,
  MediationRoomView,
  RepresentativesView,
  SessionView,
  toAgreementView,
  toSessionView,
} from './mediation.view';
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
  @ApiCreatedResponse({ type: MediationRoomView })
  createRoom(@Body() input: CreateRoomDto, @CurrentUser() actor: Actor) {
    return this.mediation.createRoom(input, actor.scope);
  }

  @Get('mediation-rooms')
  @Authenticated()
  @ApiOperation({ summary: 'The mediation rooms of your scope' })
  @ApiOkResponse({ type: [MediationRoomView] })
  listRooms(@CurrentUser() actor: Actor) {
    return this.mediation.listRooms(actor.scope);
  }

  @Get('mediation-sessions')
  @Requires('cases.read')
  @ApiOperation({ summary: "Sessions between two days, e.g. a mediator's week or a room's bookings" })
  @ApiOkResponse({ type: [SessionView] })
  async agenda(@Query() query: AgendaQuery, @CurrentUser() actor: Actor): Promise<SessionView[]> {
    return (await this.mediation.agenda(query, actor.scope)).map(toSessionView);
  }

  @Post('cases/:caseId/sessions')
  @Requires('mediation.manage')
  @ApiOperation({ summary: 'Schedule a mediation session; a mediator or room already booked then answers 409' })
  @ApiCreatedResponse({ type: SessionView })
  async schedule(
    @Param('caseId', UuidParam) caseId: string,
    @Body() input: ScheduleSessionDto,
    @CurrentUser() actor: Actor,
  ): Promise<SessionView> {
    return toSessionView(await this.mediation.schedule(caseId, input, actor));
  }

  @Get('cases/:caseId/sessions')
  @Requires('cases.read')
  @ApiOkResponse({ type: [SessionView] })
  async sessions(@Param('caseId', UuidParam) caseId: string, @CurrentUser() actor: Actor): Promise<SessionView[]> {
    return (await this.mediation.sessionsOfCase(caseId, actor.scope)).map(toSessionView);
  }

  @Post('cases/:caseId/sessions/:sessionId/outcome')
  @HttpCode(200)
  @Requires('mediation.manage')
  @ApiOperation({ summary: 'Record attendance and the outcome: agreement, no agreement, or adjourned to a date' })
  @ApiOkResponse({ type: SessionView })
  async outcome(
    @Param('caseId', UuidParam) caseId: string,
    @Param('sessionId', UuidParam) sessionId: string,
    @Body() input: SessionOutcomeDto,
    @CurrentUser() actor: Actor,
  ): Promise<SessionView> {
    return toSessionView(await this.mediation.recordOutcome(caseId, sessionId, input, actor));
  }

  @Post('cases/:caseId/sessions/:sessionId/cancel')
  @HttpCode(200)
  @Requires('mediation.manage')
  @ApiOkResponse({ type: SessionView })
  async cancel(
    @Param('caseId', UuidParam) caseId: string,
    @Param('sessionId', UuidParam) sessionId: string,
    @CurrentUser() actor: Actor,
  ): Promise<SessionView> {
    return toSessionView(await this.mediation.cancel(caseId, sessionId, actor));
  }

  @Put('cases/:caseId/representatives')
  @Requires('mediation.manage')
  @ApiOperation({ summary: "The workers' elected representatives of a group case (LDMAA art. 7)" })
  @ApiOkResponse({ type: RepresentativesView })
  setRepresentatives(@Param('caseId', UuidParam) caseId: string, @Body() input: RepresentativesDto, @CurrentUser() actor: Actor) {
    return this.mediation.setRepresentatives(caseId, input, actor);
  }

  @Post('cases/:caseId/agreement')
  @Requires('mediation.manage')
  @ApiOperation({ summary: 'Record the signed agreement and its instalments; a case in mediation moves to agreed' })
  @ApiCreatedResponse({ type: AgreementView })
  async recordAgreement(
    @Param('caseId', UuidParam) caseId: string,
    @Body() input: AgreementDto,
    @CurrentUser() actor: Actor,
  ): Promise<AgreementView> {
    return toAgreementView(await this.mediation.recordAgreement(caseId, input, actor));
  }

  @Get('cases/:caseId/agreement')
  @Requires('cases.read')
  @ApiOperation({ summary: 'The agreement with each instalment matched to the payouts: paid, upcoming, due today or overdue' })
  @ApiOkResponse({ type: AgreementView })
  async agreement(@Param('caseId', UuidParam) caseId: string, @CurrentUser() actor: Actor): Promise<AgreementView> {
    return toAgreementView(await this.mediation.agreement(caseId, actor.scope));
  }

  @Get('cases/:caseId/agreement/document')
  @Requires('cases.read')
  @Header('content-type', 'text/html; charset=utf-8')
  // names, amounts and (with idNumbers=full) full id numbers: never kept in a browser's or a proxy's cache
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'The printable agreement (调解协议书) in Chinese, amounts also in capital numerals',
    description:
      'Id numbers are masked unless idNumbers=full: then they are printed in full (a signed agreement needs them), ' +
      'for roles with workers.reveal only (403 FULL_ID_NUMBERS_NOT_ALLOWED otherwise), with one audit entry per document.',
  })
  @ApiHtmlResponse('The agreement as an HTML page to print')
  document(
    @Param('caseId', UuidParam) caseId: string,
    @Query() query: AgreementDocumentQuery,
    @CurrentUser() actor: Actor,
    @Req() request: FastifyRequest,
  ) {
    return this.documents.render(caseId, query.idNumbers ?? 'masked', actor, request.ip ?? null);
  }
}
