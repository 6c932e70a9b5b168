import { ApiProperty } from '@nestjs/swagger';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { EMPLOYER_KINDS, Employer, EmployerKind, INDUSTRIES, Industry } from './employer.record';

export class EmployerView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '北京某某园林绿化有限公司' })
  name: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '91110113MA01ABCD2X',
    description: '统一社会信用代码; null only for an individual contractor (包工头)',
  })
  creditCode: string | null;

  @ApiProperty({ enum: EMPLOYER_KINDS, enumName: 'EmployerKind' })
  kind: EmployerKind;

  @ApiProperty({ type: String, nullable: true, example: '顺义区' })
  district: string | null;

  @ApiProperty({ enum: INDUSTRIES, enumName: 'Industry', nullable: true })
  industry: Industry | null;

  @ApiProperty({ type: String, nullable: true, example: '张三' })
  legalRepresentative: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactName: string | null;

  @ApiProperty({ type: String, nullable: true, example: '13800138000' })
  contactPhone: string | null;

  @ApiProperty({ type: 'integer', description: 'Send it back with a correction; a newer one on the server answers 409 STALE_VERSION' })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T15:08:05+08:00' })
  createdAt: string;
}

/** An employer whose name looks like another's: maybe the same company typed twice. */
export class SimilarEmployerView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '北京某某园林绿化工程有限公司' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: '91110113MA01ABCD2X' })
  creditCode: string | null;

  @ApiProperty({ enum: EMPLOYER_KINDS, enumName: 'EmployerKind' })
  kind: EmployerKind;
}

export class CreatedEmployerView extends EmployerView {
  @ApiProperty({
    type: [SimilarEmployerView],
    description: 'Registered employers with similar names, shown rather than refused: two companies can have similar names',
  })
  similarEmployers: SimilarEmployerView[];
}

export function toEmployerView(employer: Employer): EmployerView {
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

export function toCreatedEmployerView(employer: Employer, similarEmployers: SimilarEmployerView[]): CreatedEmployerView {
  return { ...toEmployerView(employer), similarEmployers };
}
