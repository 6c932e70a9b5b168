import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CaseStatus, ClosingOutcome } from './domain/case-status';

export const INTAKE_CHANNELS = ['walk_in', 'hotline_12351', 'outreach_visit', 'labour_bureau_referral', 'online'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** One unpaid-wage dispute: one worker or hundreds against an employer and its chain. */
@Entity('cases')
export class Case {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  /** `SY-2027-00042`: organisation code, intake year, number within that organisation and year. */
  @Column({ name: 'case_number' })
  caseNumber: string;

  @Column({ name: 'intake_channel', type: 'text' })
  intakeChannel: IntakeChannel;

  @Column({ name: 'intake_date', type: 'date' })
  intakeDate: string;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId: string | null;

  @Column({ name: 'lawyer_id', type: 'uuid', nullable: true })
  lawyerId: string | null;

  @Column({ name: 'mediator_id', type: 'uuid', nullable: true })
  mediatorId: string | null;

  @Column({ type: 'text' })
  status: CaseStatus;

  @Column({ type: 'text', nullable: true })
  outcome: ClosingOutcome | null;

  /** Why the case was rejected, withdrawn or closed partly paid. */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  /** Where the worker was sent: labour inspection, police, or (for a rejection) whoever can help. */
  @Column({ name: 'referred_to', type: 'text', nullable: true })
  referredTo: string | null;

  @Column()
  summary: string;

  /** The consultation this case was opened from, if any (the consultation links back to it). */
  @Column({ name: 'consultation_id', type: 'uuid', nullable: true })
  consultationId: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
