import { Controller, Get, Header, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { CaseFileView, toCaseFileView } from './case-file.view';
import { CaseFilesService } from './case-files.service';
import { EVIDENCE_UPLOAD_TYPES } from './evidence-upload-types';
import { UploadFileQuery } from './dto/case-file.dto';

@ApiTags('cases')
@Controller('cases/:caseId/files')
export class CaseFilesController {
  constructor(private readonly files: CaseFilesService) {}

  @Post()
  @Requires('cases.edit')
  @ApiOperation({
    summary: 'Attach an evidence file (a photo or a PDF scan) to the case or to one worker’s claim: the file is the request body',
    description:
      'JPEG, PNG, HEIC/HEIF or PDF, recognised by the content whatever the name or the declared type; anything else answers 415 ' +
      'FILE_TYPE_NOT_ACCEPTED naming what the file is. At most the body limit (10 MB by default): 413.',
  })
  @ApiConsumes(...EVIDENCE_UPLOAD_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: CaseFileView })
  async upload(
    @Param('caseId', UuidParam) caseId: string,
    @Query() query: UploadFileQuery,
    @Req() request: FastifyRequest,
    @CurrentUser() actor: Actor,
  ): Promise<CaseFileView> {
    return toCaseFileView(await this.files.upload(caseId, query, request.body, actor));
  }

  @Get()
  @Requires('cases.read')
  @ApiOperation({ summary: "The case's evidence files, newest first" })
  @ApiOkResponse({ type: [CaseFileView] })
  async list(@Param('caseId', UuidParam) caseId: string, @CurrentUser() actor: Actor): Promise<CaseFileView[]> {
    return (await this.files.ofCase(caseId, actor.scope)).map(toCaseFileView);
  }

  @Get(':fileId/content')
  @Requires('cases.read')
  // evidence of a dispute: never kept in a browser's or a proxy's cache, never read as anything but what it is
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  @ApiOperation({ summary: 'A file’s content, to show in the browser; every opening is in the audit trail' })
  @ApiOkResponse({ description: 'The file', content: Object.fromEntries(['image/jpeg', 'image/png', 'image/heic', 'image/heif', 'application/pdf'].map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) })
  async open(
    @Param('caseId', UuidParam) caseId: string,
    @Param('fileId', UuidParam) fileId: string,
    @CurrentUser() actor: Actor,
    @Req() request: FastifyRequest,
  ) {
    return this.files.open(caseId, fileId, actor, request.ip ?? null);
  }
}
