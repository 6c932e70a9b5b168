import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsLicenceNumber } from '../../common/http/validators';
import { ROLES, Role } from '../../auth/domain/roles';

/** A mobile number or a landline with its area code (律所电话 is often a landline). */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export class LawyerProfileDto {
  @ApiProperty({ example: '11101201910123456', description: '律师执业证号, 17 digits' })
  @IsLicenceNumber()
  licenceNumber: string;

  @ApiProperty({ example: '北京市某某律师事务所' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firm: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional()
  @Matches(PHONE)
  phone?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateUserDto {
  @ApiProperty({ example: 'wang.lawyer' })
  @IsString()
  @MinLength(3)
  @MaxLength(50)
  @Matches(/^[A-Za-z0-9._-]+$/)
  username: string;

  @ApiProperty({ example: '王律师' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty()
  @IsUUID()
  organisationId: string;

  @ApiProperty({ description: 'Initial password: at least 10 characters, not common; the user can change it' })
  @IsString()
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ type: LawyerProfileDto, description: 'Required when role is lawyer' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LawyerProfileDto)
  lawyerProfile?: LawyerProfileDto;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ description: 'false deactivates the account; its history stays' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Users of this organisation and those below it' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The new password; every session of the user ends' })
  @IsString()
  @MaxLength(200)
  password: string;
}
