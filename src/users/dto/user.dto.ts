import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsLicenceNumber, NestedObject } from '../../common/http/validators';
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

  @ApiProperty({
    enum: ROLES,
    enumName: 'Role',
    isArray: true,
    minItems: 1,
    example: ['lawyer', 'mediator'],
    description: 'One or more roles, each once; the user may do what any of them may. A lawyer comes with a lawyer profile',
  })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  roles: Role[];

  @ApiProperty()
  @IsUUID()
  organisationId: string;

  @ApiProperty({ description: 'Initial password: at least 10 characters, not common; the user can change it' })
  @IsString()
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ type: LawyerProfileDto, description: 'Required when the roles include lawyer, refused otherwise' })
  @IsOptional()
  @NestedObject(() => LawyerProfileDto)
  lawyerProfile?: LawyerProfileDto;
}

/**
 * A field left out is left as it is; null is refused (not IsOptional, which lets null through): `roles: null` was a
 * 500, and `lawyerProfile: null` let the lawyer role be given without a profile.
 */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName?: string;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ description: 'false deactivates the account; its history stays' })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    enum: ROLES,
    enumName: 'Role',
    isArray: true,
    minItems: 1,
    example: ['lawyer', 'mediator'],
    description:
      'All the roles the user is to hold from now on (not the ones to add), each once. Adding lawyer needs a lawyer profile ' +
      '(theirs, or `lawyerProfile` here); the last active administrator cannot lose admin',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  roles?: Role[];

  @ApiPropertyOptional({ type: LawyerProfileDto, description: 'With roles that add lawyer to a user without a profile' })
  @ValidateIf((_, value) => value !== undefined)
  @NestedObject(() => LawyerProfileDto)
  lawyerProfile?: LawyerProfileDto;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role', description: 'Users holding this role (among others, perhaps)' })
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
