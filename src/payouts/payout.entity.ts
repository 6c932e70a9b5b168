import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { fenColumn } from '../database/column-transformers';

export const PAYER_KINDS = [
  'employer',
  'general_contractor', // 先行清偿, 2020 Regulations art. 30
  'project_owner', // art. 29
  'guarantee_deposit', // 工资保证金
  'emergency_fund', // 应急周转金
  'court_enforcement',
] as const;
export type PayerKind = (typeof PAYER_KINDS)[number];

export const PAYOUT_CHANNELS = ['bank_transfer', 'dedicated_wage_account', 'cash_with_signature'] as const;
export type PayoutChannel = (typeof PAYOUT_CHANNELS)[number];

/** Money that reached one worker. Append-only ledger: the database refuses UPDATE and DELETE. */
@Entity('payouts')
export class Payout {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenColumn })
  amountFen: bigint;

  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @Column({ name: 'payer_kind', type: 'text' })
  payerKind: PayerKind;

  @Column({ type: 'text' })
  channel: PayoutChannel;

  @Column({ name: 'receipt_reference', type: 'text', nullable: true })
  receiptReference: string | null;

  @Column({ name: 'batch_id', type: 'uuid', nullable: true })
  batchId: string | null;

  @Column({ name: 'recorded_by_id', type: 'uuid', nullable: true })
  recordedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
