import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { LookupDto, RateDto, SubmitReportDto } from './dto/worker-report.dto';
import { PublicReportsService } from './public-reports.service';
import { DistrictView, FollowView, PhotoAddedView, ReceiptView } from './worker-report.view';

export class ChallengeView {
  @ApiProperty({ description: 'ALTCHA v2 challenge parameters (PBKDF2/SHA-256); solved in the browser, sent back with the report' })
  parameters: object;
  @ApiProperty()
  signature: string;
}

/**
 * The workers' own pages, open to anyone (no account): report arrears, add photos, follow the report
 * with its receipt number and code, rate the case after it is concluded. What keeps them from abuse is
 * in PublicReportsService.
 */
@ApiTags('public')
@Controller('public')
export class PublicReportsController {
  constructor(private readonly reports: PublicReportsService) {}

  @Get('districts')
  @Public()
  @ApiOperation({ summary: 'The district unions a worker may send a report to (and the city’s, when he is not sure)' })
  @ApiOkResponse({ type: [DistrictView] })
  districts(): Promise<DistrictView[]> {
    return this.reports.districts();
  }

  @Get('challenge')
  @Public()
  @ApiOperation({ summary: 'A proof-of-work challenge for one report (the page solves it while the worker types; valid one hour, once)' })
  @ApiOkResponse({ type: ChallengeView })
  async challenge(): Promise<ChallengeView> {
    const challenge = await this.reports.challenge();
    return { parameters: challenge.parameters, signature: challenge.signature! };
  }

  @Post('reports')
  @Public()
  @ApiOperation({
    summary: 'Report arrears (网上反映欠薪): answers the receipt number and the lookup code, shown once',
    description:
      'Needs a solved challenge (400 CHALLENGE_FAILED otherwise, also for one used before). At most PUBLIC_REPORTS_PER_ADDRESS reports a day ' +
      'from one address and 3 in 30 days for one id number (429). A name must be as on the ID card; no field may hold "<" or ">".',
  })
  @ApiCreatedResponse({ type: ReceiptView })
  submit(@Body() input: SubmitReportDto, @Req() request: FastifyRequest): Promise<ReceiptView> {
    return this.reports.submit(input, request.ip ?? null);
  }

  @Post('reports/:receiptNumber/photos')
  @Public()
  @ApiOperation({
    summary: 'Add a photo to a report (the photo is the request body), while it waits and for a day after it was sent',
    description: 'JPEG, PNG or HEIC, recognised by content (415 otherwise), at most 5 MB (413) and 6 photos a report (409).',
  })
  @ApiHeader({ name: 'x-lookup-code', required: true, description: 'The report’s lookup code' })
  @ApiConsumes('image/jpeg', 'image/png', 'image/heic', 'image/heif')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: PhotoAddedView })
  addPhoto(
    @Param('receiptNumber') receiptNumber: string,
    @Headers('x-lookup-code') lookupCode: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<PhotoAddedView> {
    return this.reports.addPhoto(receiptNumber, lookupCode, request.body, request.ip ?? null);
  }

  @Post('lookup')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Follow a report with its receipt number and code: its stage in plain words, his own claim, the next session',
    description: 'A wrong code and a receipt number that does not exist answer the same 404 REPORT_LOOKUP_FAILED; too many from one address or for one number: 429.',
  })
  @ApiOkResponse({ type: FollowView })
  lookup(@Body() input: LookupDto, @Req() request: FastifyRequest): Promise<FollowView> {
    return this.reports.lookup(input, request.ip ?? null);
  }

  @Post('rating')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Rate how it went, once, after the case is concluded; answers the case’s callback if it still waits' })
  @ApiOkResponse({ type: FollowView })
  rate(@Body() input: RateDto, @Req() request: FastifyRequest): Promise<FollowView> {
    return this.reports.rate(input, request.ip ?? null);
  }
}
