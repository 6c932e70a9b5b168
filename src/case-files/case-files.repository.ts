import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import type { CaseFileRow } from './case-file.record';

const FILE_COLUMNS = `
  f.id, f.case_id, f.claim_id, w.name AS worker_name, f.kind, f.description, f.file_name, f.media_type, f.byte_size, f.sha256,
  f.uploaded_by_id, u.display_name AS uploaded_by_name, f.created_at`;

const FILES_SQL = `
  SELECT ${FILE_COLUMNS}
    FROM case_files f
    JOIN users u ON u.id = f.uploaded_by_id
    LEFT JOIN claims c ON c.id = f.claim_id LEFT JOIN workers w ON w.id = c.worker_id`;

export interface NewCaseFile {
  caseId: string;
  claimId: string | null;
  kind: CaseFileRow['kind'];
  description: string | null;
  fileName: string;
  mediaType: CaseFileRow['media_type'];
  sha256: string;
  content: Buffer;
  uploadedById: string;
}

/** The evidence files: the only code that reads or writes case_files (its bytes only when one is opened). */
@Injectable()
export class CaseFilesRepository {
  async insert(tx: Tx, file: NewCaseFile): Promise<string> {
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO case_files (case_id, claim_id, kind, description, file_name, media_type, byte_size, sha256, content, uploaded_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [file.caseId, file.claimId, file.kind, file.description, file.fileName, file.mediaType, file.content.length, file.sha256, file.content, file.uploadedById],
    );
    return id;
  }

  ofCase(tx: Tx, caseId: string): Promise<CaseFileRow[]> {
    return tx.query(`${FILES_SQL} WHERE f.case_id = $1 ORDER BY f.created_at DESC, f.id`, [caseId]);
  }

  async one(tx: Tx, caseId: string, fileId: string): Promise<CaseFileRow | undefined> {
    const [row]: CaseFileRow[] = await tx.query(`${FILES_SQL} WHERE f.case_id = $1 AND f.id = $2`, [caseId, fileId]);
    return row;
  }

  async content(tx: Tx, fileId: string): Promise<Buffer> {
    const [{ content }]: { content: Buffer }[] = await tx.query(`SELECT content FROM case_files WHERE id = $1`, [fileId]);
    return content;
  }
}
