import { shanghaiTimestamp } from '../common/time/shanghai';
import { Project } from './project.entity';

export function toProjectView(project: Project) {
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
