import type { Project } from './project.record';

export const SUBCONTRACT_ROLES = ['subcontractor', 'labour_subcontractor', 'individual_contractor'] as const;
export type SubcontractRole = (typeof SUBCONTRACT_ROLES)[number];

/** One link of a project's subcontracting chain: who did the work, and who let them the contract. */
export interface ProjectSubcontract {
  projectId: string;
  project?: Project;
  employerId: string;
  contractedById: string | null;
  role: SubcontractRole;
  /** Order in the chain as entered (1 = the link nearest the general contractor). */
  position: number;
}
