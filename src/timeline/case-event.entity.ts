import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
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
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** One line of a case's timeline. Append-only: the database refuses UPDATE and DELETE. */
@Entity('case_events')
export class CaseEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  kind: CaseEventKind;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: CaseStatus | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus: CaseStatus | null;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
