import { ApiProperty } from '@nestjs/swagger';
import { EVIDENCE_KINDS, EvidenceKind } from '../cases/case-evidence.record';
import { UserRefView } from '../common/http/api-responses';
import { shanghaiTimestamp } from '../common/time/shanghai';
import type { CaseFileRow } from './case-file.record';
import { ACCEPTED_MEDIA_TYPES, AcceptedMediaType } from './domain/file-types';

/** An evidence file of a case (its bytes at …/content). */
export class CaseFileView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  caseId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The worker’s claim it is about; null: the whole case' })
  claimId: string | null;
  @ApiProperty({ type: String, nullable: true })
  workerName: string | null;
  @ApiProperty({ enum: EVIDENCE_KINDS, enumName: 'EvidenceKind' })
  kind: EvidenceKind;
  @ApiProperty({ type: String, nullable: true })
  description: string | null;
  @ApiProperty({ example: '欠条.jpg' })
  fileName: string;
  @ApiProperty({ enum: ACCEPTED_MEDIA_TYPES, enumName: 'EvidenceMediaType', description: 'As read from the file’s content' })
  mediaType: AcceptedMediaType;
  @ApiProperty({ type: 'integer', example: 2483021 })
  byteSize: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' })
  sha256: string;
  @ApiProperty({ type: UserRefView })
  uploadedBy: UserRefView;
  @ApiProperty({ format: 'date-time' })
  uploadedAt: string;
}

export function toCaseFileView(row: CaseFileRow): CaseFileView {
  return {
    id: row.id,
    caseId: row.case_id,
    claimId: row.claim_id,
    workerName: row.worker_name,
    kind: row.kind,
    description: row.description,
    fileName: row.file_name,
    mediaType: row.media_type,
    byteSize: row.byte_size,
    sha256: row.sha256,
    uploadedBy: { id: row.uploaded_by_id, displayName: row.uploaded_by_name },
    uploadedAt: shanghaiTimestamp(new Date(row.created_at)),
  };
}
