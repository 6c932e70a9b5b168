import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { CaseView, toCaseView } from '../cases/case.view';
import { SeasonService } from '../campaign/season.service';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { AcceptReportDto, DeclineReportDto, JoinReportDto, ReportPolicyDto, ReportQueueQuery } from './dto/worker-report.dto';
import { ReportPolicyView, WorkerReportDetailView, WorkerReportPageView, WorkerReportView } from './worker-report.view';
import { WorkerReportsService } from './worker-reports.service';

@ApiTags('worker-reports')
@Controller()
export class WorkerReportsController {
  constructor(
    private readonly reports: WorkerReportsService,
    private readonly season: SeasonService,
  ) {}

  @Get('worker-reports')
  @Requires('worker_reports.handle')
  @ApiOperation({ summary: 'Workers’ online reports sent to the scope (and to the organisations above it): waiting (oldest first), handled, or all' })
  @ApiOkResponse({ type: WorkerReportPageView })
  queue(@Query() query: ReportQueueQuery, @CurrentUser() actor: Actor): Promise<WorkerReportPageView> {
    return this.reports.queue(query, actor);
  }

  @Get('worker-reports/:id')
  @Requires('worker_reports.handle')
  @ApiOperation({ summary: 'One online report with its photos' })
  @ApiOkResponse({ type: WorkerReportDetailView })
  detail(@Param('id', UuidParam) id: string, @CurrentUser() actor: Actor): Promise<WorkerReportDetailView> {
    return this.reports.detail(id, actor);
  }

  @Get('worker-reports/:id/photos/:photoId/content')
  @Requires('worker_reports.handle')
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  @ApiOperation({ summary: 'A photo the worker sent; every opening is in the audit trail' })
  @ApiOkResponse({ description: 'The photo', content: Object.fromEntries(['image/jpeg', 'image/png', 'image/heic', 'image/heif'].map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) })
  photo(
    @Param('id', UuidParam) id: string,
    @Param('photoId', UuidParam) photoId: string,
    @CurrentUser() actor: Actor,
    @Req() request: FastifyRequest,
  ) {
    return this.reports.photo(id, photoId, actor, request.ip ?? null);
  }

  @Post('worker-reports/:id/case')
  @Requires('worker_reports.handle')
  @ApiOperation({ summary: 'Accept a report into a new case: his claim as he typed it, his photos as evidence on it; channel "online"' })
  @ApiCreatedResponse({ type: CaseView })
  async accept(@Param('id', UuidParam) id: string, @Body() input: AcceptReportDto, @CurrentUser() actor: Actor): Promise<CaseView> {
    return toCaseView(await this.reports.accept(id, input, actor), await this.season.current());
  }

  @Post('worker-reports/:id/join')
  @HttpCode(200)
  @Requires('worker_reports.handle')
  @ApiOperation({ summary: 'Join a report to an open case (a group reporting one by one): his claim is added, his photos attached' })
  @ApiOkResponse({ type: WorkerReportView })
  join(@Param('id', UuidParam) id: string, @Body() input: JoinReportDto, @CurrentUser() actor: Actor): Promise<WorkerReportView> {
    return this.reports.join(id, input, actor);
  }

  @Post('worker-reports/:id/decline')
  @HttpCode(200)
  @Requires('worker_reports.handle')
  @ApiOperation({ summary: 'Decline a report with a reason the worker reads on his lookup page' })
  @ApiOkResponse({ type: WorkerReportView })
  decline(@Param('id', UuidParam) id: string, @Body() input: DeclineReportDto, @CurrentUser() actor: Actor): Promise<WorkerReportView> {
    return this.reports.decline(id, input, actor);
  }

  @Get('worker-report-policy')
  @Requires('cases.read')
  @ApiOperation({ summary: 'The days a report may wait before the overdue reminder' })
  @ApiOkResponse({ type: ReportPolicyView })
  async policy(): Promise<ReportPolicyView> {
    return { daysToHandle: await this.reports.daysToHandle() };
  }

  @Put('worker-report-policy')
  @Requires('rules.manage')
  @ApiOperation({ summary: 'Set the days a report may wait before the overdue reminder (1–30)' })
  @ApiOkResponse({ type: ReportPolicyView })
  async setPolicy(@Body() input: ReportPolicyDto): Promise<ReportPolicyView> {
    return { daysToHandle: await this.reports.setDaysToHandle(input.daysToHandle) };
  }
}
