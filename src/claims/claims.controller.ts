import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { ApiPageResponse } from '../common/http/api-responses';
import { Page } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { ClaimView, ClaimsAddedView, ClaimsConfirmedView, RosterImportedView, toClaimView } from './claim.view';
import { ClaimsService } from './claims.service';
import { AddClaimsDto, ClaimListQuery, ConfirmClaimsDto, UpdateClaimDto } from './dto/claim.dto';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from './roster/roster-content-types';

@ApiTags('claims')
@Controller('cases/:caseId/claims')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Post()
  @Requires('cases.open')
  @ApiOperation({ summary: "Add workers' claims to a case (workers are registered on the way if new)" })
  @ApiCreatedResponse({ type: ClaimsAddedView })
  async add(@Param('caseId', UuidParam) caseId: string, @Body() input: AddClaimsDto, @CurrentUser() actor: Actor) {
    return this.claims.add(caseId, input, actor);
  }

  @Post('import')
  @HttpCode(201)
  @Requires('cases.open')
  @ApiOperation({
    summary: 'Import a roster of workers: JSON {"rows": [...]}, CSV or XLSX in the request body',
    description:
      'Columns (Chinese or English headings): 姓名/name, 身份证号/idNumber, 主张金额/amountClaimed are required; ' +
      '手机号/mobile, 籍贯/homeProvince, 类别/kind (工资, 劳务费, 其他), 开始日期/periodStart, 结束日期/periodEnd, ' +
      '确认金额/amountConfirmed, 备注/note, 序号/serial are optional. One bad row rejects the whole roster; the ' +
      "answer lists every bad row by its number in the file. The case keeps the roster's order: by 序号 when the " +
      'file has it, else the order of the rows; claims added later come after.',
  })
  @ApiConsumes('application/json', CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: RosterImportedView })
  async import(@Param('caseId', UuidParam) caseId: string, @Req() request: FastifyRequest, @CurrentUser() actor: Actor) {
    return this.claims.importRoster(caseId, request.body, request.headers['content-type'], actor);
  }

  @Get()
  @Requires('cases.read')
  @ApiOperation({ summary: "A case's claims with paid and outstanding amounts; filter by name or standing" })
  @ApiPageResponse(ClaimView)
  async list(
    @Param('caseId', UuidParam) caseId: string,
    @Query() query: ClaimListQuery,
    @CurrentUser() actor: Actor,
  ): Promise<Page<ClaimView>> {
    const page = await this.claims.list(caseId, query, actor.scope);
    return { ...page, items: page.items.map(toClaimView) };
  }

  @Get(':claimId')
  @Requires('cases.read')
  @ApiOkResponse({ type: ClaimView })
  async get(
    @Param('caseId', UuidParam) caseId: string,
    @Param('claimId', UuidParam) claimId: string,
    @CurrentUser() actor: Actor,
  ): Promise<ClaimView> {
    return toClaimView(await this.claims.getRow(caseId, claimId, actor.scope));
  }

  @Patch(':claimId')
  @Requires('claims.edit')
  @ApiOperation({ summary: 'Correct a claim or confirm its amount; send the version you read' })
  @ApiOkResponse({ type: ClaimView })
  async update(
    @Param('caseId', UuidParam) caseId: string,
    @Param('claimId', UuidParam) claimId: string,
    @Body() input: UpdateClaimDto,
    @CurrentUser() actor: Actor,
  ): Promise<ClaimView> {
    return toClaimView(await this.claims.update(caseId, claimId, input, actor));
  }

  @Post('confirmations')
  @HttpCode(200)
  @Requires('claims.edit')
  @ApiOperation({ summary: 'Confirm the amounts of many claims at once; all or nothing' })
  @ApiOkResponse({ type: ClaimsConfirmedView })
  async confirm(
    @Param('caseId', UuidParam) caseId: string,
    @Body() input: ConfirmClaimsDto,
    @CurrentUser() actor: Actor,
  ) {
    return this.claims.confirmMany(caseId, input, actor);
  }
}
