import { WorkingCalendar } from '../../calendar/domain/working-calendar';
import { endOfPeriod } from './periods';
import { HOLIDAYS_2026 } from '../../calendar/domain/testing/holidays-2026';


const calendar = new WorkingCalendar(HOLIDAYS_2026);

describe('endOfPeriod (Civil Procedure Law art. 85)', () => {
  it('does not count the start day: 15 days from a Monday end on the Tuesday two weeks later', () => {
    expect(endOfPeriod('2026-03-02', { days: 15 }, calendar)).toEqual({
      lastDay: '2026-03-17',
      movedFrom: null,
      calendarCovered: true,
      calendarProvisional: false,
    });
  });

  it('moves a 15-day period ending inside the Spring Festival break to the first working day after it', () => {
    // Applied on Monday 2 February; day 15 is Tuesday 17 February, the third day of the break.
    expect(endOfPeriod('2026-02-02', { days: 15 }, calendar)).toEqual({
      lastDay: '2026-02-24',
      movedFrom: '2026-02-17',
      calendarCovered: true,
      calendarProvisional: false,
    });
  });

  it('ends a period on the make-up working Saturday 2026-02-14 without moving it', () => {
    expect(endOfPeriod('2026-01-30', { days: 15 }, calendar)).toEqual({
      lastDay: '2026-02-14',
      movedFrom: null,
      calendarCovered: true,
      calendarProvisional: false,
    });
  });

  it('moves a period ending on a plain Sunday to the Monday', () => {
    expect(endOfPeriod('2026-03-03', { days: 5 }, calendar)).toEqual({
      lastDay: '2026-03-09',
      movedFrom: '2026-03-08',
      calendarCovered: true,
      calendarProvisional: false,
    });
  });

  it('moves a period ending on National Day past the whole break', () => {
    // 15 days from Friday 18 September end on Saturday 3 October; the break lasts until the 7th.
    expect(endOfPeriod('2026-09-18', { days: 15 }, calendar).lastDay).toBe('2026-10-08');
  });

  it('counts a one-year period to the same day of the next year', () => {
    expect(endOfPeriod('2026-03-10', { years: 1 }, calendar)).toEqual({
      lastDay: '2027-03-10',
      movedFrom: null,
      calendarCovered: false,
      calendarProvisional: false,
    });
  });

  it('reports calendarCovered false when the last day falls in a year without holiday data, yet still skips the weekend', () => {
    // One year from Friday 13 March 2026 ends on Saturday 13 March 2027; 2027's holidays are not entered.
    expect(endOfPeriod('2026-03-13', { years: 1 }, calendar)).toEqual({
      lastDay: '2027-03-15',
      movedFrom: '2027-03-13',
      calendarCovered: false,
      calendarProvisional: false,
    });
  });

  it('reports calendarCovered false when a last day in a covered year moves into an uncovered one', () => {
    // Day 5 from Saturday 26 December is Thursday 31 December 2026: a working day, no move needed.
    expect(endOfPeriod('2026-12-26', { days: 5 }, calendar).calendarCovered).toBe(true);
    // Day 5 from Sunday 27 December is Friday 1 January 2027, outside the data; a weekday, so it stays.
    expect(endOfPeriod('2026-12-27', { days: 5 }, calendar)).toEqual({
      lastDay: '2027-01-01',
      movedFrom: null,
      calendarCovered: false,
      calendarProvisional: false,
    });
  });

  describe('on a provisional year (statutory festivals only, before the State Council announces the year)', () => {
    // Part of 2027 as the regulation alone gives it: New Year's Day, and the Spring Festival eve and days 1-3 (5-8 February).
    const provisional = new WorkingCalendar({
      daysOff: new Set([...HOLIDAYS_2026.daysOff, '2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']),
      makeUpWorkdays: HOLIDAYS_2026.makeUpWorkdays,
      coveredYears: new Set([2026, 2027]),
      provisionalYears: new Set([2027]),
    });

    it('moves a period ending on the Spring Festival eve past the statutory days, and says the year is provisional', () => {
      // 15 days from Thursday 21 January 2027 end on Friday 5 February, the eve; Monday the 8th is day 3.
      expect(endOfPeriod('2027-01-21', { days: 15 }, provisional)).toEqual({
        lastDay: '2027-02-09',
        movedFrom: '2027-02-05',
        calendarCovered: true,
        calendarProvisional: true,
      });
    });

    it('says so when a period in an announced year moves into a provisional one', () => {
      // Day 5 from Sunday 27 December 2026 is Friday 1 January 2027, New Year's Day: moved to Monday the 4th.
      expect(endOfPeriod('2026-12-27', { days: 5 }, provisional)).toEqual({
        lastDay: '2027-01-04',
        movedFrom: '2027-01-01',
        calendarCovered: true,
        calendarProvisional: true,
      });
    });

    it('is not provisional for a period ending in the announced year', () => {
      expect(endOfPeriod('2026-03-02', { days: 15 }, provisional).calendarProvisional).toBe(false);
    });
  });

  it('ends a year counted from 29 February on 28 February of a common year', () => {
    const noHolidays = new WorkingCalendar({ daysOff: new Set(), makeUpWorkdays: new Set(), coveredYears: new Set([2029]) });
    expect(endOfPeriod('2028-02-29', { years: 1 }, noHolidays).lastDay).toBe('2029-02-28'); // a Wednesday
  });

  it.each([{ days: 0 }, { days: -3 }, { days: 1.5 }, { years: 0 }])('refuses a period of %p', (length) => {
    expect(() => endOfPeriod('2026-03-02', length, calendar)).toThrow(RangeError);
  });
});
