import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsMobile, IsName, IsProvince, IsResidentId } from '../../common/http/validators';

export class WorkerInputDto {
  @ApiProperty({ example: '李建国' })
  @IsString()
  @IsNotEmpty()
  @IsName()
  @MaxLength(50)
  name: string;

  @ApiProperty({ example: '11010519491231002X', description: '身份证号, 18 characters, check digit verified' })
  @IsResidentId()
  idNumber: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional()
  @IsMobile()
  mobile?: string;

  @ApiPropertyOptional({ example: '河南省', description: 'Defaults to the province coded in the id number' })
  @IsOptional()
  @IsProvince()
  homeProvince?: string;
}

/** A field left out is left as it is; a null name or mobile is refused (not IsOptional, which lets null through). */
export class UpdateWorkerDto {
  @ApiProperty({ description: 'The version you read' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @IsNotEmpty()
  @IsName()
  @MaxLength(50)
  name?: string;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @IsMobile()
  mobile?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsProvince()
  homeProvince?: string;
}

export class WorkerListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name, or a whole id number' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

export const REVEAL_FIELDS = ['idNumber', 'mobile'] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

export class RevealDto {
  /** Which number to show in full; the reveal is audited. (No description here: it would become the shared enum's.) */
  @ApiProperty({ enum: REVEAL_FIELDS, enumName: 'RevealField' })
  @IsIn(REVEAL_FIELDS)
  field: RevealField;
}
