import { ApiProperty } from '@nestjs/swagger';
import { UserRefView } from '../common/http/api-responses';
import { shanghaiTimestamp } from '../common/time/shanghai';
import type { CallbackRow } from './callback.record';
import { CALLBACK_STATUSES, CallbackStatus, SATISFACTIONS, Satisfaction } from './domain/callback-rules';

/** A callback after closing (回访): due, answered (reached or not, and how satisfied), and followed up when not satisfied. */
export class CallbackView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  caseId: string;
  @ApiProperty({ example: 'SY-2027-00012' })
  caseNumber: string;
  @ApiProperty({ type: UserRefView, nullable: true, description: 'Who must call: the mediator, else the lawyer' })
  assignee: UserRefView | null;
  @ApiProperty({ format: 'date' })
  closedOn: string;
  @ApiProperty({ format: 'date' })
  dueOn: string;
  @ApiProperty({ enum: CALLBACK_STATUSES, enumName: 'CallbackStatus', description: 'cancelled: the case was taken back from closed' })
  status: CallbackStatus;
  @ApiProperty({ type: Boolean, nullable: true })
  reached: boolean | null;
  @ApiProperty({ type: String, nullable: true })
  spokeWith: string | null;
  @ApiProperty({ enum: SATISFACTIONS, enumName: 'Satisfaction', nullable: true })
  satisfaction: Satisfaction | null;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  calledOn: string | null;
  @ApiProperty({ type: UserRefView, nullable: true })
  answeredBy: UserRefView | null;
  @ApiProperty({ description: "Answered by the worker's own rating on the public lookup page, not by a call" })
  answeredOnline: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'What a leader did about a "not satisfied" answer' })
  followUpNote: string | null;
  @ApiProperty({ type: UserRefView, nullable: true })
  followedUpBy: UserRefView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  followedUpAt: string | null;
}

export class CallbackPolicyView {
  @ApiProperty({ example: 7 })
  daysAfterClosing: number;
}

function person(id: string | null, name: string | null): UserRefView | null {
  return id ? { id, displayName: name ?? '' } : null;
}

export function toCallbackView(row: CallbackRow): CallbackView {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    assignee: person(row.assignee_id, row.assignee_name),
    closedOn: row.closed_on,
    dueOn: row.due_on,
    status: row.status,
    reached: row.reached,
    spokeWith: row.spoke_with,
    satisfaction: row.satisfaction,
    note: row.note,
    calledOn: row.called_on,
    answeredBy: person(row.answered_by_id, row.answered_by_name),
    answeredOnline: row.answered_online,
    followUpNote: row.follow_up_note,
    followedUpBy: person(row.followed_up_by_id, row.followed_up_by_name),
    followedUpAt: row.followed_up_at ? shanghaiTimestamp(new Date(row.followed_up_at)) : null,
  };
}
