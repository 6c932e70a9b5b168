import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { SUBCONTRACT_ROLES, SubcontractRole } from '../project-subcontract.record';
import { IsName, NestedObjects } from '../../common/http/validators';

export class SubcontractDto {
  @ApiProperty()
  @IsUUID()
  employerId: string;

  @ApiProperty({ enum: SUBCONTRACT_ROLES, enumName: 'SubcontractRole' })
  @IsIn(SUBCONTRACT_ROLES)
  role: SubcontractRole;

  @ApiPropertyOptional({ description: 'Who let this contract: the general contractor or an earlier subcontractor' })
  @IsOptional()
  @IsUUID()
  contractedById?: string;
}

export class CreateProjectDto {
  @ApiProperty({ example: '某某公园绿化工程' })
  @IsString()
  @IsNotEmpty()
  @IsName()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '顺义区某某镇' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  site?: string;

  @ApiPropertyOptional({ description: '建设单位' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ description: '总承包单位' })
  @IsOptional()
  @IsUUID()
  generalContractorId?: string;

  @ApiPropertyOptional({ type: [SubcontractDto], description: 'The chain below the general contractor, in order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @NestedObjects(() => SubcontractDto)
  subcontracts?: SubcontractDto[];
}

export class ProjectListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the project name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Projects where this employer is owner, general contractor or in the chain' })
  @IsOptional()
  @IsUUID()
  employerId?: string;
}
