import type { ProjectSubcontract } from './project-subcontract.record';

/** A construction (or landscaping) project and the chain of parties that built it. */
export interface Project {
  id: string;
  name: string;
  site: string | null;

  /** 建设单位: advances wages up to the project funds it failed to pay (2020 Regulations art. 29). */
  ownerId: string | null;

  /** 总承包: pays first (先行清偿) what a subcontractor owes (art. 30). */
  generalContractorId: string | null;

  /** The chain in chain order, when loaded with the project. */
  subcontracts?: ProjectSubcontract[];

  createdAt: Date;
  updatedAt: Date;
}
