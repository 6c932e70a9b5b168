import type { CaseStatus } from '../cases/domain/case-status';
import type { Satisfaction } from '../callbacks/domain/callback-rules';
import type { ReportStatus } from './domain/report-rules';

/** A worker's online report as the union's queue reads it; his numbers still sealed. */
export interface WorkerReportRow {
  id: string;
  receipt_number: string;
  organisation_id: string;
  organisation_name: string;
  worker_name: string;
  id_number_sealed: string;
  mobile_sealed: string;
  employer_name: string;
  project_name: string | null;
  site_address: string | null;
  period_start: string;
  period_end: string;
  amount_owed_fen: string;
  co_workers: number;
  description: string | null;
  consent_version: string;
  submitted_at: Date;
  submitted_on: string;
  status: ReportStatus;
  case_id: string | null;
  case_number: string | null;
  case_status: CaseStatus | null;
  claim_id: string | null;
  decline_reason: string | null;
  handled_by_id: string | null;
  handled_by_name: string | null;
  handled_at: Date | null;
  satisfaction: Satisfaction | null;
  rating_note: string | null;
  rated_at: Date | null;
  photo_count: number;
}

/** What the lookup needs to tell the right worker from anyone else: the code's keyed hash. */
export interface ReportForLookupRow extends WorkerReportRow {
  lookup_code_hash: string;
  case_organisation_name: string | null;
}

export interface ReportPhotoRow {
  id: string;
  report_id: string;
  media_type: 'image/jpeg' | 'image/png' | 'image/heic' | 'image/heif';
  byte_size: number;
  sha256: string;
  created_at: Date;
}

/** A report waiting past its days, once per person who handles reports where it was sent. */
export interface OverdueReportRow {
  id: string;
  receipt_number: string;
  organisation_name: string;
  employer_name: string;
  co_workers: number;
  submitted_on: string;
  handle_by_on: string;
  recipient_id: string;
}
