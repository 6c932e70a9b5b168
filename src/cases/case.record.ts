import type { CaseStatus, ClosingOutcome } from './domain/case-status';

export const INTAKE_CHANNELS = ['walk_in', 'hotline_12351', 'outreach_visit', 'labour_bureau_referral', 'online'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/**
 * One unpaid-wage dispute: one worker or hundreds against an employer and its chain (a row of
 * `cases`). Its version moves on, and updated_at is set, with every change (the cases repository).
 */
export interface Case {
  id: string;
  organisationId: string;
  /** `SY-2027-00042`: organisation code, intake year, number within that organisation and year. */
  caseNumber: string;
  intakeChannel: IntakeChannel;
  /** A calendar day, 'YYYY-MM-DD'. */
  intakeDate: string;
  projectId: string | null;
  lawyerId: string | null;
  mediatorId: string | null;
  status: CaseStatus;
  outcome: ClosingOutcome | null;
  /** Why the case was rejected, withdrawn or closed partly paid. */
  statusReason: string | null;
  /** Where the worker was sent: labour inspection, police, or (for a rejection) whoever can help. */
  referredTo: string | null;
  summary: string;
  /** The consultation this case was opened from, if any (the consultation links back to it). */
  consultationId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** When the final status was recorded. */
  closedAt: Date | null;
  /** The day the case reached its final status (closed, withdrawn, rejected), as it happened: what reports count. */
  closedOn: string | null;
}
