import type { CallbackStatus, Satisfaction } from './domain/callback-rules';

/** A callback after closing, with the names a reader needs (the case's number, who calls, who answered, who followed up). */
export interface CallbackRow {
  id: string;
  case_id: string;
  case_number: string;
  assignee_id: string | null;
  assignee_name: string | null;
  closed_on: string;
  due_on: string;
  status: CallbackStatus;
  reached: boolean | null;
  spoke_with: string | null;
  satisfaction: Satisfaction | null;
  note: string | null;
  called_on: string | null;
  answered_by_id: string | null;
  answered_by_name: string | null;
  /** Answered by the worker's own rating on the public lookup page, not by a call. */
  answered_online: boolean;
  answered_at: Date | string | null;
  follow_up_note: string | null;
  followed_up_by_id: string | null;
  followed_up_by_name: string | null;
  followed_up_at: Date | string | null;
}

/** The callbacks of one group of a report (an organisation, a mediator, a lawyer), counted. */
export interface CallbackFiguresRow {
  key: string | null;
  label: string | null;
  due: number;
  answered: number;
  reached: number;
  satisfied: number;
  basically_satisfied: number;
  not_satisfied: number;
}

/** A reminder's subject among the callbacks: the callback, its case and the day it counts from. */
export interface CallbackReminderRow {
  id: string;
  case_id: string;
  case_number: string;
  closed_on: string;
  /** The day due (a callback to make) or the day answered (one not satisfied). */
  on: string;
  recipient_id: string;
}
