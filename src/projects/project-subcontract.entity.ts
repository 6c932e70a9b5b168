import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Project } from './project.entity';

export const SUBCONTRACT_ROLES = ['subcontractor', 'labour_subcontractor', 'individual_contractor'] as const;
export type SubcontractRole = (typeof SUBCONTRACT_ROLES)[number];

/** One link of a project's subcontracting chain: who did the work, and who let them the contract. */
@Entity('project_subcontracts')
export class ProjectSubcontract {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, (project) => project.subcontracts)
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @PrimaryColumn({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ name: 'contracted_by_id', type: 'uuid', nullable: true })
  contractedById: string | null;

  @Column({ type: 'text' })
  role: SubcontractRole;

  /** Order in the chain as entered (1 = the link nearest the general contractor). */
  @Column()
  position: number;
}
