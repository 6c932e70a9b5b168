/**
 * Callbacks after closing (回访): when one is due, who makes it, what an answer must say, and the
 * rates leaders read. Pure: the day and the policy come in as data.
 */
import { AppError, FieldProblem } from '../../common/errors/app-error';
import { addDays } from '../../common/time/calendar-days';

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'not_satisfied'] as const; // 满意 / 基本满意 / 不满意
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const CALLBACK_STATUSES = ['open', 'answered', 'cancelled'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

/** The days after closing an administrator may set: a day at least, a year at most. */
export const CALLBACK_DAYS_RANGE = { min: 1, max: 365 } as const;

/** The day the callback is due: `days` calendar days after the case was closed. */
export function callbackDueOn(closedOn: string, days: number): string {
  return addDays(closedOn, days);
}

/** Who calls: the mediator, who knows the worker from the sessions, else the lawyer; null when the case had neither. */
export function callbackAssignee(people: { mediatorId: string | null; lawyerId: string | null }): string | null {
  return people.mediatorId ?? people.lawyerId;
}

export interface CallbackAnswer {
  reached: boolean;
  satisfaction?: Satisfaction;
  calledOn: string;
}

/**
 * What is wrong with an answer: someone reached says how satisfied he is, and no one unreached is
 * given a satisfaction; the call is made after the case was closed and not after today.
 */
export function answerProblems(answer: CallbackAnswer, days: { closedOn: string; today: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (answer.reached && !answer.satisfaction) problems.push({ field: 'satisfaction', code: 'REQUIRED' });
  if (!answer.reached && answer.satisfaction) problems.push({ field: 'satisfaction', code: 'NOT_WHEN_UNREACHED' });
  if (answer.calledOn > days.today) problems.push({ field: 'calledOn', code: 'DATE_IN_FUTURE' });
  else if (answer.calledOn < days.closedOn) problems.push({ field: 'calledOn', code: 'BEFORE_CLOSING', params: { closedOn: days.closedOn } });
  return problems;
}

/** A callback is recorded once: an answered one, or one cancelled by a reopening, is not answered again. */
export function assertAnswerable(status: CallbackStatus): void {
  if (status !== 'open') throw new AppError('CALLBACK_ALREADY_ANSWERED');
}

/** Only an answer "not satisfied" that no leader has followed up yet waits for a follow-up. */
export function assertAwaitingFollowUp(callback: { satisfaction: Satisfaction | null; followedUp: boolean }): void {
  if (callback.satisfaction !== 'not_satisfied' || callback.followedUp) throw new AppError('CALLBACK_NOT_TO_FOLLOW_UP');
}
