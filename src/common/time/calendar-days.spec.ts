import { addDays, addYears, compare, daysBetween, isCalendarDate, isWeekend } from './calendar-days';

describe('calendar-day arithmetic', () => {
  it('adds days across the end of a month and of a year', () => {
    expect(addDays('2026-01-30', 3)).toBe('2026-02-02');
    expect(addDays('2026-12-30', 5)).toBe('2027-01-04');
  });

  it('goes back in time with a negative number of days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts 29 February in a leap year', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('ends a year counted from 29 February on 28 February of a common year', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });

  it('keeps 29 February when the later year is a leap year too', () => {
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('counts the calendar days between two dates, negative backwards', () => {
    expect(daysBetween('2026-02-10', '2026-02-24')).toBe(14);
    expect(daysBetween('2026-02-25', '2026-02-24')).toBe(-1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('orders dates, and sorts them as a comparator', () => {
    expect(compare('2026-02-14', '2026-02-15')).toBe(-1);
    expect(compare('2026-02-14', '2026-02-14')).toBe(0);
    expect(['2026-10-01', '2026-02-14', '2025-12-31'].sort(compare)).toEqual(['2025-12-31', '2026-02-14', '2026-10-01']);
  });

  it('knows Saturdays and Sundays from weekdays', () => {
    expect(isWeekend('2026-02-14')).toBe(true); // Saturday
    expect(isWeekend('2026-03-08')).toBe(true); // Sunday
    expect(isWeekend('2026-03-09')).toBe(false); // Monday
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-1', ''])('refuses %p as a date', (text) => {
    expect(isCalendarDate(text)).toBe(false);
    expect(() => addDays(text, 1)).toThrow(RangeError);
  });
});
