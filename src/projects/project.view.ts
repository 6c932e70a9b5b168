import { ApiProperty } from '@nestjs/swagger';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { SUBCONTRACT_ROLES, SubcontractRole } from './project-subcontract.record';
import { Project } from './project.record';

/** One link of the subcontracting chain: who did the work, and who let them the contract. */
export class ProjectSubcontractView {
  @ApiProperty({ format: 'uuid' })
  employerId: string;

  @ApiProperty({ enum: SUBCONTRACT_ROLES, enumName: 'SubcontractRole' })
  role: SubcontractRole;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The employer that let this link its contract' })
  contractedById: string | null;

  @ApiProperty({ type: 'integer', example: 1, description: 'Order in the chain: 1 is the link nearest the general contractor' })
  position: number;
}

export class ProjectView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '顺义区某某小区二期' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: '顺义区后沙峪镇' })
  site: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '建设单位 (employer id)' })
  ownerId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '总承包 (employer id)' })
  generalContractorId: string | null;

  @ApiProperty({ type: [ProjectSubcontractView], description: 'In chain order' })
  subcontracts: ProjectSubcontractView[];

  @ApiProperty({ format: 'date-time', example: '2026-11-22T15:08:05+08:00' })
  createdAt: string;
}

export function toProjectView(project: Project): ProjectView {
  return {
    id: project.id,
    name: project.name,
    site: project.site,
    ownerId: project.ownerId,
    generalContractorId: project.generalContractorId,
    subcontracts: (project.subcontracts ?? []).map((link) => ({
      employerId: link.employerId,
      role: link.role,
      contractedById: link.contractedById,
      position: link.position,
    })),
    createdAt: shanghaiTimestamp(project.createdAt),
  };
}
