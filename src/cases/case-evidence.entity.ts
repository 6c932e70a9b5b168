import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

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

@Entity('case_evidence')
export class CaseEvidence {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  kind: EvidenceKind;

  @Column()
  description: string;

  @Column({ name: 'received_on', type: 'date', nullable: true })
  receivedOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
