import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsName, IsOrganisationCode } from '../../common/http/validators';
import { ORGANISATION_KINDS, OrganisationKind } from '../organisation.record';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'SY', description: 'Case-number prefix: 2-8 capital letters or digits' })
  @IsOrganisationCode()
  code: string;

  @ApiProperty({ example: '顺义区总工会' })
  @IsString()
  @IsNotEmpty()
  @IsName()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' })
  @IsIn(ORGANISATION_KINDS)
  kind: OrganisationKind;

  @ApiProperty({ description: 'The organisation above this one (the city federation itself is created by the set-up command)' })
  @IsUUID()
  parentId: string;

  @ApiPropertyOptional({ example: '顺义区' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  district?: string;
}

export class UpdateOrganisationDto {
  // not IsOptional, which lets null through as well as a missing field: a name cannot be null
  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @IsNotEmpty()
  @IsName()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ description: 'Move the organisation (and everything below it) under another one' })
  @ValidateIf((_, value) => value !== undefined)
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  district?: string;
}
