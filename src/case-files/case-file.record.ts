import type { EvidenceKind } from '../cases/case-evidence.record';
import type { AcceptedMediaType } from './domain/file-types';

/** An evidence file of a case, without its bytes. */
export interface CaseFileRow {
  id: string;
  case_id: string;
  claim_id: string | null;
  worker_name: string | null;
  kind: EvidenceKind;
  description: string | null;
  file_name: string;
  media_type: AcceptedMediaType;
  byte_size: number;
  sha256: string;
  uploaded_by_id: string;
  uploaded_by_name: string;
  created_at: Date | string;
}
