/**
 * The life of a case, as data: which status may follow which, and what each move needs.
 * Pure: no framework, no database, no clock.
 */
import { AppError, FieldProblem } from '../../common/errors/app-error';
import { formatYuan } from '../../common/money/money';

export const CASE_STATUSES = [
  'received', // 已受理
  'verifying', // 核实中: claims are checked and confirmed per worker
  'mediating', // 调解中
  'agreed', // 已达成调解协议
  'paying', // 支付中
  'closed', // 已结案, with an outcome
  'arbitration', // 转劳动仲裁
  'litigation', // 转诉讼 (incl. payment order 支付令)
  'referred', // 移送劳动监察 or 公安
  'withdrawn', // 撤回
  'rejected', // 不予受理, with a reason and where the worker was referred
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOSING_OUTCOMES = ['paid_in_full', 'partly_paid'] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

export const REFERRAL_TARGETS = ['labour_inspection', 'police'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

export const FINAL_STATUSES: readonly CaseStatus[] = ['closed', 'withdrawn', 'rejected'];

/** The same as a SQL list, `('closed', 'withdrawn', 'rejected')`: every query that means "open" says NOT IN this. */
export const FINAL_STATUSES_SQL = `(${FINAL_STATUSES.map((status) => `'${status}'`).join(', ')})`;

/**
 * The allowed moves. Mediation can go back to verifying when amounts turn out wrong; an agreement
 * can fall apart back into mediation; an agreement not performed goes to arbitration or to court
 * for a payment order (LDMAA arts. 15-16). Money can arrive during mediation without a written
 * agreement, hence mediating → paying. A case is closed from wherever the money finally came.
 */
export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  received: ['verifying', 'referred', 'withdrawn', 'rejected'],
  verifying: ['mediating', 'arbitration', 'litigation', 'referred', 'withdrawn', 'rejected'],
  mediating: ['agreed', 'paying', 'verifying', 'arbitration', 'litigation', 'referred', 'withdrawn'],
  agreed: ['paying', 'mediating', 'arbitration', 'litigation', 'withdrawn'],
  paying: ['closed', 'arbitration', 'litigation', 'referred'],
  arbitration: ['paying', 'closed', 'litigation', 'withdrawn'],
  litigation: ['paying', 'closed', 'withdrawn'],
  referred: ['paying', 'closed', 'withdrawn'],
  // only by an approved payout correction that leaves a case closed as paid in full owing money
  closed: ['paying'],
  withdrawn: [],
  rejected: [],
};

/**
 * Moves the product makes by itself when something is recorded: signing an agreement in mediation,
 * the first money in mediation or under an agreement, which starts the paying stage, and a payout
 * correction that leaves a case closed as paid in full owing money (reopenedByCorrection), which
 * takes it back to paying. Each goes through decideTransition like a person's move, and each must be
 * a move of TRANSITIONS (a test holds them to it).
 */
export const AUTOMATIC_MOVES = {
  agreement_signed: { from: ['mediating'], to: 'agreed' },
  first_payout: { from: ['mediating', 'agreed'], to: 'paying' },
  correction_reopened: { from: ['closed'], to: 'paying' },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus }>;
export type AutomaticMoveTrigger = keyof typeof AUTOMATIC_MOVES;

/**
 * Statuses a person cannot choose: a case is `agreed` when its agreement is recorded, and recording
 * it is the move. A case marked agreed without one had no terms to pay by or clocks to count from.
 */
export const REACHED_ONLY_BY_RECORDING: readonly CaseStatus[] = ['agreed'];

/**
 * Statuses a person cannot leave: a closed case is done, and only the product takes it back to paying
 * when an approved correction shows the money was not all paid (AUTOMATIC_MOVES.correction_reopened).
 */
export const LEFT_ONLY_BY_RECORDING: readonly CaseStatus[] = ['closed'];

/**
 * Whether an approved payout correction takes a closed case back to paying: one closed as paid in full
 * cannot stay so while a worker is owed money. A case closed as partly paid stays closed (it said money
 * was still owed), whatever the correction changed.
 */
export function reopenedByCorrection(status: CaseStatus, outcome: ClosingOutcome | null, outstandingFen: bigint): boolean {
  return status === 'closed' && outcome === 'paid_in_full' && outstandingFen > 0n;
}

/** The moves a person may ask for from `status` (the case page's next steps). */
export function movesForPerson(status: CaseStatus): CaseStatus[] {
  if (LEFT_ONLY_BY_RECORDING.includes(status)) return [];
  return TRANSITIONS[status].filter((to) => !REACHED_ONLY_BY_RECORDING.includes(to));
}

/** Who asks for a move: a person, or the product when something is recorded (AUTOMATIC_MOVES). */
export type Mover = 'person' | 'recording';

/** The move `trigger` makes from `status`, or null when it leaves the case where it is. */
export function automaticMove(trigger: AutomaticMoveTrigger, status: CaseStatus): TransitionRequest | null {
  const move = AUTOMATIC_MOVES[trigger];
  return (move.from as readonly CaseStatus[]).includes(status) ? { to: move.to } : null;
}

/** What the guards need to know about a case: its status, its people and its money. */
export interface CaseSnapshot {
  status: CaseStatus;
  mediatorId: string | null;
  claims: ClaimTotals;
}

export interface ClaimTotals {
  count: number;
  unconfirmedCount: number;
  paidFen: bigint;
  outstandingFen: bigint;
  /** Workers with money still owed. */
  workersOwed: number;
}

export interface TransitionRequest {
  to: CaseStatus;
  outcome?: ClosingOutcome;
  reason?: string;
  referredTo?: string;
}

export interface TransitionDecision {
  from: CaseStatus;
  to: CaseStatus;
  outcome: ClosingOutcome | null;
  reason: string | null;
  referredTo: string | null;
}

export function isFinal(status: CaseStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Decides a requested move, or throws the reason it is refused (409) or incomplete (400). */
export function decideTransition(current: CaseSnapshot, request: TransitionRequest, mover: Mover = 'person'): TransitionDecision {
  const { status: from } = current;
  const { to } = request;
  if (!canMove(from, to) || (mover === 'person' && LEFT_ONLY_BY_RECORDING.includes(from))) {
    throw new AppError('TRANSITION_NOT_ALLOWED', { from, to });
  }
  if (mover === 'person' && REACHED_ONLY_BY_RECORDING.includes(to)) throw new AppError('AGREEMENT_REQUIRED');

  const reason = request.reason?.trim() || null;
  const referredTo = request.referredTo?.trim() || null;
  assertDetailsGiven(request, reason, referredTo);
  assertGuards(current, request);

  return {
    from,
    to,
    outcome: to === 'closed' ? (request.outcome ?? null) : null,
    reason,
    referredTo: to === 'rejected' || to === 'referred' ? referredTo : null,
  };
}

/** Each move that ends or diverts a case says why and where to; a clerk sees all missing fields at once. */
function assertDetailsGiven(request: TransitionRequest, reason: string | null, referredTo: string | null): void {
  const problems: FieldProblem[] = [];
  switch (request.to) {
    case 'closed':
      if (!request.outcome) problems.push({ field: 'outcome', code: 'REQUIRED' });
      if (request.outcome === 'partly_paid' && !reason) problems.push({ field: 'reason', code: 'REQUIRED' });
      break;
    case 'rejected':
      if (!reason) problems.push({ field: 'reason', code: 'REQUIRED' });
      if (!referredTo) problems.push({ field: 'referredTo', code: 'REQUIRED' });
      break;
    case 'referred':
      if (!referredTo) problems.push({ field: 'referredTo', code: 'REQUIRED' });
      else if (!(REFERRAL_TARGETS as readonly string[]).includes(referredTo)) {
        problems.push({ field: 'referredTo', code: 'NOT_ONE_OF', params: { allowed: REFERRAL_TARGETS.join(', ') } });
      }
      break;
    case 'withdrawn':
      if (!reason) problems.push({ field: 'reason', code: 'REQUIRED' });
      break;
    default:
      break;
  }
  if (problems.length > 0) throw AppError.invalid(problems);
}

function assertGuards(current: CaseSnapshot, request: TransitionRequest): void {
  const { claims } = current;
  switch (request.to) {
    case 'mediating':
      if (!current.mediatorId) throw new AppError('MEDIATOR_REQUIRED');
      return;
    case 'agreed':
      assertAllConfirmed(claims);
      return;
    case 'closed':
      if (request.outcome === 'paid_in_full') {
        assertAllConfirmed(claims);
        if (claims.outstandingFen > 0n) {
          throw new AppError('MONEY_OUTSTANDING', {
            workers: claims.workersOwed,
            amount: formatYuan(claims.outstandingFen),
          });
        }
      } else {
        if (claims.paidFen === 0n) throw new AppError('NOTHING_PAID');
        if (claims.outstandingFen === 0n) throw new AppError('NOTHING_OUTSTANDING');
      }
      return;
    default:
      return;
  }
}

function assertAllConfirmed(claims: ClaimTotals): void {
  if (claims.count === 0) throw new AppError('NO_CLAIMS');
  if (claims.unconfirmedCount > 0) throw new AppError('CLAIMS_NOT_CONFIRMED', { count: claims.unconfirmedCount });
}
