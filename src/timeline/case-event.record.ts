import type { CaseStatus } from '../cases/domain/case-status';

export const CASE_EVENT_KINDS = [
  'case_opened',
  'case_updated',
  'case_dispatched',
  'status_changed',
  'lawyer_assigned',
  'mediator_assigned',
  'employer_added',
  'evidence_added',
  'note_added',
  'claims_added',
  'claim_updated',
  'claims_confirmed',
  'payouts_recorded',
  'session_scheduled',
  'session_held',
  'session_cancelled',
  'representatives_elected',
  'agreement_signed',
  'legal_dates_recorded',
  'payout_correction_requested',
  'payout_corrected',
  'payout_correction_rejected',
  'callback_answered',
  'callback_followed_up',
  'held_money_handed_over',
  'file_attached',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** One line of a case's timeline. Append-only: the database refuses UPDATE and DELETE. */
export interface CaseEvent {
  /** The bigint identity, as text: rises in the order events were appended. */
  id: string;
  caseId: string;
  kind: CaseEventKind;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  data: Record<string, unknown>;
  /** Who recorded it; null for the system. */
  actorId: string | null;
  /** The Asia/Shanghai day it happened, which a clerk may give (yesterday's session, last season's payment). */
  happenedOn: string;
  /** When it was recorded. */
  occurredAt: Date;
}
