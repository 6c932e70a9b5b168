import { shanghaiTimestamp } from '../common/time/shanghai';
import { Employer } from './employer.entity';

export function toEmployerView(employer: Employer) {
  return {
    id: employer.id,
    name: employer.name,
    creditCode: employer.creditCode,
    kind: employer.kind,
    district: employer.district,
    industry: employer.industry,
    legalRepresentative: employer.legalRepresentative,
    contactName: employer.contactName,
    contactPhone: employer.contactPhone,
    version: employer.version,
    createdAt: shanghaiTimestamp(employer.createdAt),
  };
}
