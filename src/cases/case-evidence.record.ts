export const EVIDENCE_KINDS = [
  'contract',
  'attendance',
  'wage_sheet',
  'iou', // 欠条
  'chat_records',
  'witness',
  'bank_records',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** A piece of evidence recorded on a case (a row of `case_evidence`). */
export interface CaseEvidence {
  id: string;
  caseId: string;
  kind: EvidenceKind;
  description: string;
  /** A calendar day, 'YYYY-MM-DD'. */
  receivedOn: string | null;
  createdAt: Date;
}
