import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { fenColumn } from '../database/column-transformers';

export const CLAIM_KINDS = ['wages', 'labour_fees', 'other'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/**
 * One worker's claim in one case: always his own line. Paid and outstanding are not stored; they
 * are summed from the payout ledger, so they can never disagree with it.
 */
@Entity('claims')
export class Claim {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ type: 'text' })
  kind: ClaimKind;

  @Column({ name: 'period_start', type: 'date', nullable: true })
  periodStart: string | null;

  @Column({ name: 'period_end', type: 'date', nullable: true })
  periodEnd: string | null;

  @Column({ name: 'claimed_fen', type: 'bigint', transformer: fenColumn })
  claimedFen: bigint;

  /** Set during verification; payouts count against it. */
  @Column({ name: 'confirmed_fen', type: 'bigint', nullable: true, transformer: fenColumn })
  confirmedFen: bigint | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** When the worker knew his wages were not paid; the limitation year runs from it (LDMAA art. 27). */
  @Column({ name: 'knew_on', type: 'date', nullable: true })
  knewOn: string | null;

  @Column({ name: 'employment_ongoing' })
  employmentOngoing: boolean;

  @Column({ name: 'employment_ended_on', type: 'date', nullable: true })
  employmentEndedOn: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
