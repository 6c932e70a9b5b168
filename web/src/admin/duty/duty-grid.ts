/**
 * The duty roster grid as data: a service center's month is a map of day → the lawyers on duty that
 * day. The page edits such maps and saves every changed center's month whole in one request (PUT
 * /duty-shifts/months, all or nothing); the API's problems come back by the center and line sent
 * (`rosters.1.shifts.3.day`) and are put back at their cells here.
 * Pure: no React, no requests, so it is tested on its own (duty-grid.spec.ts).
 */

/** A center's month: day (YYYY-MM-DD) → ids of the lawyers on duty, in the order they were picked. */
export type MonthCells = Readonly<Record<string, readonly string[]>>;

/** One line of a center's month as PUT /duty-shifts/months takes it. */
export interface MonthLine {
  lawyerId: string;
  day: string;
}

/** A problem of the API: at a field of a line (`shifts.3.day`), in the API's words. */
export interface LineProblem {
  field?: string;
  message: string;
}

/** 'YYYY-MM' of the Shanghai day `today` (YYYY-MM-DD). */
export const monthOf = (day: string) => day.slice(0, 7);

/** Whether the text is a month as the address and the API spell it. */
export const isMonth = (text: string | null): text is string => !!text && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/** The month `delta` months after `month`. */
export function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every day of the month, YYYY-MM-DD, in order. */
export function daysOfMonth(month: string): string[] {
  const [year, monthNumber] = month.split('-').map(Number);
  const count = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** 0 (Sunday) to 6 (Saturday): the weekday of a calendar day, whatever the device's time zone. */
export function weekdayOf(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date)).getUTCDay();
}

/** The roster as the API answers it → cells. */
export function cellsOf(entries: readonly { day: string; lawyerId: string }[]): MonthCells {
  const cells: Record<string, string[]> = {};
  for (const entry of entries) (cells[entry.day] ??= []).push(entry.lawyerId);
  return cells;
}

/** The cells as the lines of a month's request, day by day; the line's index is how the API names it. */
export function linesOf(cells: MonthCells): MonthLine[] {
  return Object.keys(cells)
    .sort()
    .flatMap((day) => cells[day].map((lawyerId) => ({ lawyerId, day })));
}

/** Whether two months put the same lawyers on the same days (the order within a day does not matter). */
export function sameCells(a: MonthCells, b: MonthCells): boolean {
  const key = (cells: MonthCells) =>
    linesOf(cells)
      .map((line) => `${line.day} ${line.lawyerId}`)
      .sort()
      .join('|');
  return key(a) === key(b);
}

/**
 * The API's problems with a month's request, put at the cells of their lines: `shifts.3.day` or
 * `shifts.3.lawyerId` is the fourth line sent. A problem of a lawyer names him (`nameOf`), as a cell
 * may hold two; a problem of no line is answered under '' (said above the grid).
 */
export function problemsByDay(lines: readonly MonthLine[], problems: readonly LineProblem[], nameOf: (lawyerId: string) => string): Record<string, string[]> {
  const byDay: Record<string, string[]> = {};
  for (const problem of problems) {
    const index = /^shifts\.(\d+)\./.exec(problem.field ?? '')?.[1];
    const line = index === undefined ? undefined : lines[Number(index)];
    const day = line?.day ?? '';
    const text = line ? `${nameOf(line.lawyerId)}：${problem.message}` : problem.message;
    (byDay[day] ??= []).push(text);
  }
  return byDay;
}

/** A center's month as sent: its lines, in the order the API names them. */
export interface SentMonth {
  centerId: string;
  lines: readonly MonthLine[];
}

/**
 * The API's problems with several centers' months sent at once (`rosters.1.shifts.3.day` is the fourth
 * line of the second center sent), by center and then by day as problemsByDay puts them; a problem of
 * no center is answered under center ''.
 */
export function problemsByCenter(
  sent: readonly SentMonth[],
  problems: readonly LineProblem[],
  nameOf: (lawyerId: string) => string,
): Record<string, Record<string, string[]>> {
  const byCenter: Record<string, Record<string, string[]>> = {};
  for (const problem of problems) {
    const match = /^rosters\.(\d+)\.(.*)$/.exec(problem.field ?? '');
    const month = match ? sent[Number(match[1])] : undefined;
    const byDay = problemsByDay(month?.lines ?? [], [{ ...problem, field: match?.[2] }], nameOf);
    const center = (byCenter[month?.centerId ?? ''] ??= {});
    for (const [day, texts] of Object.entries(byDay)) (center[day] ??= []).push(...texts);
  }
  return byCenter;
}

/** The cells with a day's lawyers replaced (none: the day is cleared). */
export function withDay(cells: MonthCells, day: string, lawyerIds: readonly string[]): MonthCells {
  const next: Record<string, readonly string[]> = { ...cells };
  if (lawyerIds.length > 0) next[day] = lawyerIds;
  else delete next[day];
  return next;
}

/**
 * The lawyers who may serve at a center: active lawyers whose organisation is the center or one above
 * it (the API's rule: a lawyer must see the center, i.e. have it in his scope).
 */
export function lawyersFor<L extends { organisationId: string; active: boolean; lawyerProfile: { active: boolean } | null }>(
  centerId: string,
  lawyers: readonly L[],
  parentOf: (organisationId: string) => string | null,
): L[] {
  const above = new Set<string>();
  for (let id: string | null = centerId; id && !above.has(id); id = parentOf(id)) above.add(id);
  return lawyers.filter((lawyer) => lawyer.active && lawyer.lawyerProfile?.active !== false && above.has(lawyer.organisationId));
}
