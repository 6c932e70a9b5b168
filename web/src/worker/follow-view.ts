/**
 * What the lookup page makes of the API's answer: the step bar's position, days and times in
 * Asia/Shanghai whatever the phone's own zone, and the numbers grouped for reading aloud. Pure.
 */

export type WorkerStage = 'waiting' | 'declined' | 'verifying' | 'mediating' | 'paying' | 'closed' | 'elsewhere' | 'ended';

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
  /** 0 is Sunday, as Date's getDay. */
  weekday: number;
}

/** "2026-12-08" or "2026-12-08T09:30:00+08:00" (the API's Shanghai dates and times) → its calendar day. */
export function calendarDayOf(isoDay: string): CalendarDay {
  const [year, month, day] = isoDay.slice(0, 10).split('-').map(Number);
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

/**
 * A Shanghai timestamp's day and wall-clock time. The API writes them with +08:00, so the text is read
 * as it is: through Date the phone's own time zone would move the hour.
 */
export function shanghaiTimeOf(timestamp: string): { day: CalendarDay; time: string } {
  return { day: calendarDayOf(timestamp), time: timestamp.slice(11, 16) };
}

/** The five steps the worker sees: 收到 → 核实 → 调解 → 付款 → 办结. */
export const STEP_COUNT = 5;

/**
 * Where the step bar stands for a stage: the step under way, or all five done once the case is closed.
 * A report declined, or a case gone to arbitration or ended, is not on that road: no bar, the words say it.
 */
export function stepOf(stage: WorkerStage): { current: number; done: boolean } | null {
  switch (stage) {
    case 'waiting':
      return { current: 0, done: false };
    case 'verifying':
      return { current: 1, done: false };
    case 'mediating':
      return { current: 2, done: false };
    case 'paying':
      return { current: 3, done: false };
    case 'closed':
      return { current: STEP_COUNT - 1, done: true };
    case 'declined':
    case 'elsewhere':
    case 'ended':
      return null;
  }
}

/** "372504189163" → "3725 0418 9163": twelve digits are read and copied by hand in groups of four. */
export function groupedReceipt(receiptNumber: string): string {
  return receiptNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** "K7PQ3XWA" → "K7PQ 3XWA". */
export function groupedCode(lookupCode: string): string {
  return lookupCode.replace(/^(.{4})(?=.)/, '$1 ');
}

/**
 * Receipt number and code as the worker typed them (spaces, dashes, full-width digits, lower case), for
 * the fields on screen: the API forgives the same, this only keeps the fields tidy when prefilled.
 */
export function tidyTyped(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\-－—_.]/g, '').toUpperCase();
}
