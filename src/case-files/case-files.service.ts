import { Injectable, StreamableFile } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Actor, Scope } from '../auth/domain/actor';
import { AuthService } from '../auth/auth.service';
import { assertCaseVisible, lockCase } from '../cases/cases.repository';
import { ClaimsService } from '../claims/claims.service';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { Transactions, Tx } from '../database/transactions';
import { CaseEventsService } from '../timeline/case-events.service';
import type { CaseFileRow } from './case-file.record';
import { CaseFilesRepository } from './case-files.repository';
import { cleanFileName, sniffFileType } from './domain/file-types';
import { UploadFileQuery } from './dto/case-file.dto';

/**
 * Evidence files of a case: taken only when their bytes are a photo or a PDF, kept in the database with
 * the case (migrations/1766900000000 says why), shown within the case's scope, every opening audited.
 */
@Injectable()
export class CaseFilesService {
  constructor(
    private readonly auth: AuthService,
    private readonly claims: ClaimsService,
    private readonly events: CaseEventsService,
    private readonly repository: CaseFilesRepository,
    private readonly transactions: Transactions,
  ) {}

  /** Attaches a file to a case (or to one worker's claim), all or nothing. */
  async upload(caseId: string, query: UploadFileQuery, body: unknown, actor: Actor): Promise<CaseFileRow> {
    if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('FILE_REQUIRED');
    const sniffed = sniffFileType(body);
    if (!sniffed.accepted) throw new AppError('FILE_TYPE_NOT_ACCEPTED', { found: sniffed.kind });
    const fileName = cleanFileName(query.name);
    const problems: FieldProblem[] = fileName === '' ? [{ field: 'name', code: 'REQUIRED' }] : [];
    if (problems.length > 0) throw AppError.invalid(problems);
    const claimId = query.claimId?.toLowerCase() ?? null;

    return this.transactions.run(async (tx) => {
      await lockCase(tx, caseId, actor.scope);
      if (claimId && !(await this.claims.balances(tx, caseId, [claimId])).has(claimId)) {
        throw AppError.invalidField('claimId', 'NOT_ON_CASE');
      }
      const id = await this.repository.insert(tx, {
        caseId,
        claimId,
        kind: query.kind,
        description: query.description?.trim() || null,
        fileName,
        mediaType: sniffed.mediaType,
        sha256: createHash('sha256').update(body).digest('hex'),
        content: body,
        uploadedById: actor.id,
      });
      const file = (await this.repository.one(tx, caseId, id))!;
      await this.events.append(tx, {
        caseId,
        kind: 'file_attached',
        actorId: actor.id,
        data: { fileId: id, fileName, fileKind: query.kind, ...(file.worker_name && { worker: file.worker_name }) },
      });
      return file;
    });
  }

  /**
   * Photos a worker sent with his online report, attached to his claim as evidence inside the caller's
   * transaction (the one that accepts the report); the clerk who accepted it is who attached them.
   */
  async attachFromWorker(
    tx: Tx,
    target: { caseId: string; claimId: string; receiptNumber: string; workerName: string },
    photos: { mediaType: CaseFileRow['media_type']; sha256: string; content: Buffer }[],
    actor: Pick<Actor, 'id'>,
  ): Promise<void> {
    for (const [index, photo] of photos.entries()) {
      const extension = photo.mediaType === 'image/png' ? 'png' : photo.mediaType === 'image/jpeg' ? 'jpg' : 'heic';
      const fileName = `网上反映${target.receiptNumber}-${index + 1}.${extension}`;
      const id = await this.repository.insert(tx, {
        caseId: target.caseId,
        claimId: target.claimId,
        kind: 'other',
        description: `工人网上反映时上传（回执号 ${target.receiptNumber}）`,
        fileName,
        mediaType: photo.mediaType,
        sha256: photo.sha256,
        content: photo.content,
        uploadedById: actor.id,
      });
      await this.events.append(tx, {
        caseId: target.caseId,
        kind: 'file_attached',
        actorId: actor.id,
        data: { fileId: id, fileName, fileKind: 'other', worker: target.workerName },
      });
    }
  }

  async ofCase(caseId: string, scope: Scope): Promise<CaseFileRow[]> {
    await assertCaseVisible(this.transactions.none, caseId, scope);
    return this.repository.ofCase(this.transactions.none, caseId);
  }

  /** A file's bytes, to show in the browser; each opening is in the audit trail (who, when, from where). */
  async open(caseId: string, fileId: string, actor: Actor, clientAddress: string | null): Promise<StreamableFile> {
    await assertCaseVisible(this.transactions.none, caseId, actor.scope);
    const file = await this.repository.one(this.transactions.none, caseId, fileId.toLowerCase());
    if (!file) throw new AppError('FILE_NOT_FOUND');
    const content = await this.repository.content(this.transactions.none, file.id);
    await this.auth.audit(actor.id, { address: clientAddress, userAgent: null }, 'download', 'case_files', file.id, {
      caseId,
      fileName: file.file_name,
    });
    return new StreamableFile(content, {
      type: file.media_type,
      length: content.length,
      // shown in the browser (a photo, a PDF), under its own name when saved
      disposition: `inline; filename="file"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
    });
  }
}
