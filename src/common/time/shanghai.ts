/** Business dates are Asia/Shanghai calendar days (UTC+8 all year: China has no daylight saving). */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const dayFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Shanghai at this instant, as 'YYYY-MM-DD'. */
export function shanghaiDate(instant: Date): string {
  return dayFormatter.format(instant);
}

/** An instant written in Shanghai local time with its offset: '2026-11-22T15:08:05+08:00'. */
export function shanghaiTimestamp(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3600 * 1000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/** An instant as a clerk reads it, to the minute in Shanghai time: '2026-11-22 15:08'. */
export function shanghaiMinute(instant: Date): string {
  return shanghaiTimestamp(instant).slice(0, 16).replace('T', ' ');
}
