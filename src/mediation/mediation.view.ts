import { ApiProperty } from '@nestjs/swagger';
import { UserRefView } from '../common/http/api-responses';
import { formatYuan } from '../common/money/money';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { INSTALMENT_STATES, InstalmentState } from './domain/instalments';
import {
  AGREEMENT_SCHEDULES,
  AgreementSchedule,
  SESSION_OUTCOMES,
  SESSION_STATUSES,
  SessionOutcome,
  SessionStatus,
} from './dto/mediation.dto';
import type { AgreementStanding } from './mediation.service';
import { SessionRow } from './mediation.sql';

export class MediationRoomView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  organisationId: string;
  @ApiProperty({ example: '第一调解室' })
  name: string;
}

export class RoomRefView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: '第一调解室' })
  name: string;
}

/** A mediation session, booked, held or cancelled. */
export class SessionView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  caseId: string;
  @ApiProperty({ example: 'SY-2026-00042' })
  caseNumber: string;
  @ApiProperty({ type: UserRefView })
  mediator: UserRefView;
  @ApiProperty({ type: RoomRefView, nullable: true })
  room: RoomRefView | null;
  @ApiProperty({ type: String, nullable: true, example: '项目部会议室', description: 'Where, when not in one of the rooms' })
  place: string | null;
  @ApiProperty({ format: 'date-time', example: '2027-01-12T09:30:00+08:00' })
  startsAt: string;
  @ApiProperty({ format: 'date-time', example: '2027-01-12T11:30:00+08:00' })
  endsAt: string;
  @ApiProperty({ enum: SESSION_STATUSES, enumName: 'SessionStatus' })
  status: SessionStatus;
  /** Set once held. */
  @ApiProperty({ enum: SESSION_OUTCOMES, enumName: 'SessionOutcome', nullable: true })
  outcome: SessionOutcome | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When adjourned' })
  adjournedTo: string | null;
  @ApiProperty({ type: String, nullable: true })
  notes: string | null;
  @ApiProperty({ description: 'Send it back with the outcome', example: 1 })
  version: number;
}

/** The workers' elected representatives of a group case (LDMAA art. 7). */
export class RepresentativesView {
  @ApiProperty({ type: [String], format: 'uuid' })
  workerIds: string[];
  @ApiProperty({ format: 'date', example: '2027-01-05' })
  electedOn: string;
}

/** An instalment of the agreement, matched to the payouts as of today. */
export class InstalmentView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The worker's claim on a per-worker schedule" })
  claimId: string | null;
  @ApiProperty({ format: 'date', example: '2027-02-03' })
  dueOn: string;
  @ApiProperty({ example: '6000000.00' })
  amount: string;
  @ApiProperty({ example: '2000000.00' })
  paid: string;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  paidInFullOn: string | null;
  @ApiProperty({ enum: INSTALMENT_STATES, enumName: 'InstalmentState' })
  state: InstalmentState;
}

/** The signed agreement (调解协议) and its payment schedule. */
export class AgreementView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  caseId: string;
  @ApiProperty({ format: 'date', example: '2027-01-20' })
  signedOn: string;
  @ApiProperty({ enum: AGREEMENT_SCHEDULES, enumName: 'AgreementSchedule' })
  schedule: AgreementSchedule;
  @ApiProperty({ example: '12000000.00', description: 'The sum of the instalments' })
  total: string;
  @ApiProperty({ type: String, nullable: true })
  terms: string | null;
  @ApiProperty({ example: 1 })
  version: number;
  @ApiProperty({ type: [InstalmentView] })
  instalments: InstalmentView[];
  @ApiProperty({ description: 'Instalments overdue', example: 0 })
  overdue: number;
}

export function toSessionView(row: SessionRow): SessionView {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    mediator: { id: row.mediator_id, displayName: row.mediator_name },
    room: row.room_id ? { id: row.room_id, name: row.room_name as string } : null,
    place: row.place,
    startsAt: shanghaiTimestamp(new Date(row.starts_at)),
    endsAt: shanghaiTimestamp(new Date(row.ends_at)),
    status: row.status,
    outcome: row.outcome,
    adjournedTo: row.adjourned_to,
    notes: row.notes,
    version: row.version,
  };
}

export function toAgreementView(agreement: AgreementStanding): AgreementView {
  return {
    id: agreement.id,
    caseId: agreement.caseId,
    signedOn: agreement.signedOn,
    schedule: agreement.schedule,
    total: formatYuan(agreement.totalFen),
    terms: agreement.terms,
    version: agreement.version,
    instalments: agreement.instalments.map((instalment) => ({
      id: instalment.id,
      claimId: instalment.claimId,
      dueOn: instalment.dueOn,
      amount: formatYuan(instalment.amountFen),
      paid: formatYuan(instalment.paidFen),
      paidInFullOn: instalment.paidInFullOn,
      state: instalment.state,
    })),
    overdue: agreement.instalments.filter((instalment) => instalment.state === 'overdue').length,
  };
}
