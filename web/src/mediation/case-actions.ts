/**
 * What the mediator's case page offers from where a case stands. The server decides every one of
 * these (and answers with its reason when it refuses); this only keeps out of sight what would surely
 * be refused, and picks the one next step to put under the thumb. Pure.
 */
import type { Schemas } from '../common/api/client';
type Status = Schemas['CaseStatus'];
type Permission = Schemas['Permission'];

/** Every status but the final ones (closed, withdrawn, rejected: the server's FINAL_STATUSES). */
export const OPEN_STATUSES: readonly Status[] = ['received', 'verifying', 'mediating', 'agreed', 'paying', 'arbitration', 'litigation', 'referred'];

/** Where payouts may be recorded (the server's PAYOUT_STATUSES, payouts/domain/payout-rules.ts). */
const PAYOUT_STATUSES: readonly Status[] = ['mediating', 'agreed', 'paying', 'arbitration', 'litigation', 'referred'];

export type Task = 'confirm' | 'schedule' | 'agreement' | 'payDay';
export type NextStep = { task: Task } | { move: Status } | null;

interface Standing {
  theCase: Pick<Schemas['CaseView'], 'status' | 'allowedTransitions' | 'totals'>;
  permissions: readonly Permission[];
  hasAgreement: boolean;
  /** A session was held and ended in agreement: the agreement is what comes next. */
  agreedInSession: boolean;
}

const isZero = (yuan: string) => /^0(\.0+)?$/.test(yuan);

/** The work this user can do on the case now, in the order a case goes through it. */
export function tasksOf({ theCase, permissions, hasAgreement }: Standing): Task[] {
  const { status, totals } = theCase;
  if (!OPEN_STATUSES.includes(status)) return [];
  const tasks: Task[] = [];
  if (permissions.includes('claims.edit') && totals.workers > 0 && (totals.unconfirmed > 0 || status === 'received' || status === 'verifying' || status === 'mediating')) {
    tasks.push('confirm');
  }
  if (permissions.includes('mediation.manage') && ['verifying', 'mediating', 'agreed'].includes(status)) tasks.push('schedule');
  if (permissions.includes('mediation.manage') && !hasAgreement && (status === 'mediating' || status === 'agreed')) tasks.push('agreement');
  if (permissions.includes('payouts.record') && PAYOUT_STATUSES.includes(status) && !isZero(totals.outstanding) && !isZero(totals.confirmed)) tasks.push('payDay');
  return tasks;
}

/** The moves of the status machine from here, for a role that may move cases. */
export function movesOf({ theCase, permissions }: Pick<Standing, 'theCase' | 'permissions'>): Status[] {
  return permissions.includes('cases.transition') ? theCase.allowedTransitions : [];
}

/** The one step most likely next, for the button at the bottom. */
export function nextStepOf(standing: Standing): NextStep {
  const tasks = tasksOf(standing);
  const moves = movesOf(standing);
  const { status, totals } = standing.theCase;
  const task = (wanted: Task): NextStep => (tasks.includes(wanted) ? { task: wanted } : null);
  const move = (to: Status): NextStep => (moves.includes(to) ? { move: to } : null);
  switch (status) {
    case 'received':
      return move('verifying');
    case 'verifying':
      return totals.unconfirmed > 0 ? task('confirm') : move('mediating');
    case 'mediating':
      if (totals.unconfirmed > 0) return task('confirm');
      return standing.agreedInSession ? task('agreement') : task('schedule');
    default:
      return isZero(totals.outstanding) ? move('closed') : task('payDay');
  }
}
