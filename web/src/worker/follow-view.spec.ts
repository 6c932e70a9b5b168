import { calendarDayOf, groupedCode, groupedReceipt, shanghaiTimeOf, stepOf, tidyTyped } from './follow-view';

describe('what the lookup page shows', () => {
  it('puts the step bar on the step under way, and all five done once closed', () => {
    expect(stepOf('waiting')).toEqual({ current: 0, done: false });
    expect(stepOf('mediating')).toEqual({ current: 2, done: false });
    expect(stepOf('paying')).toEqual({ current: 3, done: false });
    expect(stepOf('closed')).toEqual({ current: 4, done: true });
  });

  it('shows no step bar for a report declined, or a case gone elsewhere or ended', () => {
    expect(stepOf('declined')).toBeNull();
    expect(stepOf('elsewhere')).toBeNull();
    expect(stepOf('ended')).toBeNull();
  });

  it('reads a session’s day and time as Shanghai’s, whatever the phone’s own zone', () => {
    // 8 December 2026 is a Tuesday
    expect(shanghaiTimeOf('2026-12-08T09:30:00+08:00')).toEqual({ day: { year: 2026, month: 12, day: 8, weekday: 2 }, time: '09:30' });
    // just after midnight in Beijing is still the day before in UTC: the day stays Beijing's
    expect(shanghaiTimeOf('2027-01-01T00:15:00+08:00').day).toMatchObject({ year: 2027, month: 1, day: 1, weekday: 5 });
    expect(calendarDayOf('2026-12-07')).toEqual({ year: 2026, month: 12, day: 7, weekday: 1 });
  });

  it('groups the receipt number 4-4-4 and the code 4-4, for reading and copying by hand', () => {
    expect(groupedReceipt('372504189163')).toBe('3725 0418 9163');
    expect(groupedCode('K7PQ3XWA')).toBe('K7PQ 3XWA');
    expect(groupedReceipt('')).toBe('');
  });

  it('tidies what was typed or pasted: spaces, dashes, full-width digits, lower case', () => {
    expect(tidyTyped('３７２５-0418 9163')).toBe('372504189163');
    expect(tidyTyped('k7pq-3xwa')).toBe('K7PQ3XWA');
  });
});
