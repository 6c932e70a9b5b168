/**
 * How long to wait before trying a failed delivery again: a minute, then doubling, at most six hours.
 * A channel that is down for a day is tried a handful of times, not thousands, and delivers within a
 * few hours of coming back.
 */
export const FIRST_RETRY_SECONDS = 60;
export const LONGEST_WAIT_SECONDS = 6 * 3600;

export function retryDelaySeconds(failedAttempts: number): number {
  if (failedAttempts < 1) return 0;
  return Math.min(FIRST_RETRY_SECONDS * 2 ** (failedAttempts - 1), LONGEST_WAIT_SECONDS);
}
