/**
 * Slowing down and locking out password guessing, per account and per client address. Pure: the
 * counters come from the database and the time is passed in.
 *
 * An account may fail a few times freely (typos); after that each further attempt has to wait
 * twice as long as the one before, and past a limit the account is locked for a while. A client
 * address gets more room (an office shares one address) but the same treatment.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  lockAfterFailures: number;
  lockMinutes: number;
  /** Failures older than this are forgotten. */
  windowMinutes: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 3, lockAfterFailures: 10, lockMinutes: 15, windowMinutes: 15 };
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 10, lockAfterFailures: 30, lockMinutes: 15, windowMinutes: 15 };

const MAX_DELAY_SECONDS = 60;

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; locked: boolean; retryAfterSeconds: number };

export function checkThrottle(state: ThrottleState | null, policy: ThrottlePolicy, now: Date): ThrottleDecision {
  if (!state) return { allowed: true };
  if (state.lockedUntil && state.lockedUntil > now) {
    return { allowed: false, locked: true, retryAfterSeconds: secondsBetween(now, state.lockedUntil) };
  }
  const current = forgetOld(state, policy, now);
  if (current.failures < policy.freeFailures) return { allowed: true };
  const delaySeconds = Math.min(2 ** (current.failures - policy.freeFailures), MAX_DELAY_SECONDS);
  const nextAllowed = new Date(current.lastFailureAt.getTime() + delaySeconds * 1000);
  return nextAllowed > now
    ? { allowed: false, locked: false, retryAfterSeconds: secondsBetween(now, nextAllowed) }
    : { allowed: true };
}

/**
 * The account's and the address's decisions as one: refused if either refuses, and then with the
 * longest wait, so that a client that waits what Retry-After says is not refused again.
 */
export function longestWait(decisions: ThrottleDecision[]): ThrottleDecision {
  let refusal: ThrottleDecision = { allowed: true };
  for (const decision of decisions) {
    if (!decision.allowed && (refusal.allowed || decision.retryAfterSeconds > refusal.retryAfterSeconds)) refusal = decision;
  }
  return refusal;
}

export function recordFailure(state: ThrottleState | null, policy: ThrottlePolicy, now: Date): ThrottleState {
  const failures = (state ? forgetOld(state, policy, now).failures : 0) + 1;
  const lockedUntil =
    failures >= policy.lockAfterFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
  return { failures, lastFailureAt: now, lockedUntil };
}

function forgetOld(state: ThrottleState, policy: ThrottlePolicy, now: Date): ThrottleState {
  const expired = now.getTime() - state.lastFailureAt.getTime() > policy.windowMinutes * 60_000;
  const lockOver = state.lockedUntil !== null && state.lockedUntil <= now;
  return expired || lockOver ? { failures: 0, lastFailureAt: state.lastFailureAt, lockedUntil: null } : state;
}

function secondsBetween(from: Date, to: Date): number {
  return Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 1000));
}
