import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsCreditCode, IsName } from '../../common/http/validators';
import { EMPLOYER_KINDS, EmployerKind, INDUSTRIES, Industry } from '../employer.record';

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export class CreateEmployerDto {
  @ApiProperty({ example: '北京某某园林绿化有限公司' })
  @IsString()
  @IsNotEmpty()
  @IsName()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    example: '91350100M000100Y43',
    description: '统一社会信用代码; required except for an individual contractor (包工头)',
  })
  @IsOptional()
  @IsCreditCode()
  creditCode?: string;

  @ApiProperty({ enum: EMPLOYER_KINDS, enumName: 'EmployerKind' })
  @IsIn(EMPLOYER_KINDS)
  kind: EmployerKind;

  @ApiPropertyOptional({ example: '顺义区' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  district?: string;

  @ApiPropertyOptional({ enum: INDUSTRIES, enumName: 'Industry' })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: Industry;

  @ApiPropertyOptional({ example: '张三' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  legalRepresentative?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  contactName?: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional()
  @Matches(PHONE)
  contactPhone?: string;
}

export class UpdateEmployerDto {
  @ApiProperty({ description: 'The version you read; a newer one on the server answers 409 STALE_VERSION' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @IsName()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  district?: string;

  @ApiPropertyOptional({ enum: INDUSTRIES, enumName: 'Industry' })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: Industry;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  legalRepresentative?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  contactName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE)
  contactPhone?: string;
}

export class EmployerListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name, or a whole credit code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: EMPLOYER_KINDS, enumName: 'EmployerKind' })
  @IsOptional()
  @IsIn(EMPLOYER_KINDS)
  kind?: EmployerKind;

  @ApiPropertyOptional({ enum: INDUSTRIES, enumName: 'Industry' })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: Industry;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  district?: string;
}

export class SimilarQuery {
  @ApiProperty({ example: '北京宏达建筑劳务有限公司' })
  @IsString()
  @IsNotEmpty()
  @IsName()
  @MaxLength(200)
  name: string;
}
