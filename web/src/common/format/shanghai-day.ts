/**
 * The business day: Asia/Shanghai, whatever the device's own time zone. One formatter for every page
 * (the desk, the case page, the mediator's phone pages).
 */
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Shanghai at `now`, as YYYY-MM-DD. */
export function shanghaiDate(now: Date): string {
  return SHANGHAI_DAY.format(now);
}
