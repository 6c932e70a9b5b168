import { ApiProperty } from '@nestjs/swagger';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { ORGANISATION_KINDS, type Organisation, type OrganisationKind } from './organisation.record';

export class OrganisationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'SY', description: 'Starts the case numbers of the organisation: SY-2027-00042' })
  code: string;

  @ApiProperty({ example: '顺义区总工会' })
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' })
  kind: OrganisationKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the city federation at the top' })
  parentId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '顺义区' })
  district: string | null;

  @ApiProperty({ type: 'integer', example: 1, description: 'Levels below the top of the tree: 0 for the city federation' })
  depth: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T15:08:05+08:00' })
  createdAt: string;
}

export function toOrganisationView(organisation: Organisation): OrganisationView {
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
