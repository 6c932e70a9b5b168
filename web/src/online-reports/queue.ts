/**
 * The queue of workers' online reports as the address keeps it (which tab, which page, which report is
 * open), and the few judgements the page makes of a report. Plain functions: no React, no clock.
 */

export const TABS = ['waiting', 'handled', 'all'] as const;
export type QueueTab = (typeof TABS)[number];

/** The tab an address names; anything else (an old bookmark, a typo) is the waiting reports. */
export function tabOf(value: string | null): QueueTab {
  return TABS.find((tab) => tab === value) ?? 'waiting';
}

export const PAGE_SIZES = [20, 50, 100] as const;

/** A page number or size from the address; a number the API would refuse falls back to the first page, or the usual size. */
export function pageOf(value: string | null, fallback: number, allowed?: readonly number[]): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) return fallback;
  return allowed && !allowed.includes(n) ? fallback : n;
}

/**
 * The address with some of its parameters changed (null or '' takes one away); the tab's default and
 * the first page are left out, so the plain queue is plainly /online-reports.
 */
export function withChanges(params: URLSearchParams, changes: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  if (next.get('tab') === 'waiting') next.delete('tab');
  if (next.get('page') === '1') next.delete('page');
  return next;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;

/**
 * Calendar days a report has waited past its last day (handleByOn, the API's, counted in calendar days
 * as the API counts them); 0 while it is still within them.
 */
export function daysOverdue(handleByOn: string, today: string): number {
  return Math.max(0, dayNumber(today) - dayNumber(handleByOn));
}

/**
 * The organisation a new case from a report goes to, until the clerk chooses: the one the worker sent it
 * to when it is in the clerk's scope; else (a report sent to the city, seen by a district's clerk) the
 * clerk's own, which lies under it, as the API requires.
 */
export function defaultOrganisation(reportOrganisationId: string, scopeIds: readonly string[], ownId: string | undefined): string | undefined {
  return scopeIds.includes(reportOrganisationId) ? reportOrganisationId : ownId;
}

/** The queue's pages in the query cache (every tab and page), and one report opened. */
export const QUEUE_KEY = ['worker-reports'] as const;
export const reportKey = (id: string) => ['worker-report', id] as const;
