import { ApiProperty } from '@nestjs/swagger';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { ROLES, Role } from '../auth/domain/roles';
import type { User } from './user.record';

export class LawyerProfileView {
  @ApiProperty({ example: '11101201910123456', description: '律师执业证号, 17 digits' })
  licenceNumber: string;

  @ApiProperty({ example: '北京市某某律师事务所' })
  firm: string;

  @ApiProperty({ type: String, nullable: true, example: '13800138000' })
  phone: string | null;

  @ApiProperty({ description: 'Whether the lawyer currently takes duty shifts and cases' })
  active: boolean;
}

export class UserView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'wang.lawyer' })
  username: string;

  @ApiProperty({ example: '王律师' })
  displayName: string;

  @ApiProperty({
    enum: ROLES,
    enumName: 'Role',
    isArray: true,
    description: 'One or more, in this order: admin, leader, lawyer, mediator, intake_clerk; the user may do what any of them may',
  })
  roles: Role[];

  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  @ApiProperty({ description: 'false: deactivated, cannot log in; the history stays' })
  active: boolean;

  @ApiProperty({
    type: LawyerProfileView,
    nullable: true,
    description: 'Users with the lawyer role; kept if that role is taken away (the roster history names the firm), and counts again if it comes back',
  })
  lawyerProfile: LawyerProfileView | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T15:08:05+08:00' })
  createdAt: string;
}

export function toUserView(user: User): UserView {
  const profile = user.lawyerProfile;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    organisationId: user.organisationId,
    active: user.active,
    lawyerProfile: profile
      ? { licenceNumber: profile.licenceNumber, firm: profile.firm, phone: profile.phone, active: profile.active }
      : null,
    createdAt: shanghaiTimestamp(user.createdAt),
  };
}
