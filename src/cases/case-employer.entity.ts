import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CHAIN_ROLES = [
  'employer',
  'project_owner',
  'general_contractor',
  'subcontractor',
  'labour_subcontractor',
  'individual_contractor',
] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];

/** An employer on a case, with its role in the subcontracting chain of this dispute. */
@Entity('case_employers')
export class CaseEmployer {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @PrimaryColumn({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ type: 'text' })
  role: ChainRole;
}
