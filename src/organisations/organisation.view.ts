import { shanghaiTimestamp } from '../common/time/shanghai';
import { Organisation } from './organisation.entity';

export function toOrganisationView(organisation: Organisation) {
  return {
    id: organisation.id,
    code: organisation.code,
    name: organisation.name,
    kind: organisation.kind,
    parentId: organisation.parentId,
    district: organisation.district,
    depth: organisation.path.split('/').filter(Boolean).length - 1,
    createdAt: shanghaiTimestamp(organisation.createdAt),
  };
}
