export const CHAIN_ROLES = [
  'employer',
  'project_owner',
  'general_contractor',
  'subcontractor',
  'labour_subcontractor',
  'individual_contractor',
] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];

/** An employer on a case, with its role in the subcontracting chain of this dispute (a row of `case_employers`). */
export interface CaseEmployer {
  caseId: string;
  employerId: string;
  role: ChainRole;
}
