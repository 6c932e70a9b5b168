import { isCalendarDate } from './calendar-days';
import { shanghaiDate, shanghaiTimestamp } from './shanghai';

describe('Shanghai business time', () => {
  it('is already the next day in Shanghai at 16:30 UTC', () => {
    expect(shanghaiDate(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
  });

  it('writes timestamps with the +08:00 offset', () => {
    expect(shanghaiTimestamp(new Date('2026-11-22T16:30:05.123Z'))).toBe('2026-11-23T00:30:05+08:00');
  });

  it.each(['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', '2025-02-29'])('refuses %s as a date', (text) => {
    expect(isCalendarDate(text)).toBe(false);
  });

  it('accepts leap days in leap years', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });
});
