import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Requires } from '../auth/auth.decorators';
import { RosterCheckedView } from './claim.view';
import { ClaimsService } from './claims.service';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from './roster/roster-content-types';

@ApiTags('claims')
@Controller('rosters')
export class RostersController {
  constructor(private readonly claims: ClaimsService) {}

  @Post('check')
  @HttpCode(200)
  @Requires('cases.open')
  @ApiOperation({
    summary: 'Read and check a roster for a case not opened yet; nothing is saved',
    description:
      'The same columns and rules as POST /cases/{caseId}/claims/import. Answers the rows as the claims ' +
      'POST /cases takes, or 400 ROSTER_INVALID listing every bad row by its number in the file.',
  })
  @ApiConsumes(CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, 'application/json')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: RosterCheckedView })
  async check(@Req() request: FastifyRequest): Promise<RosterCheckedView> {
    return this.claims.checkRoster(request.body, request.headers['content-type']);
  }
}
