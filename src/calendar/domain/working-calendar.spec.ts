import { WorkingCalendar } from './working-calendar';
import { HOLIDAYS_2026 } from './testing/holidays-2026';

describe('WorkingCalendar', () => {
  const calendar = new WorkingCalendar(HOLIDAYS_2026);

  it('treats a listed holiday on a weekday as a day off', () => {
    expect(calendar.isDayOff('2026-10-05')).toBe(true); // Monday of the National Day break
  });

  it('treats a make-up Saturday as a working day', () => {
    expect(calendar.isDayOff('2026-02-14')).toBe(false);
  });

  it('treats a plain Sunday as a day off and a plain Monday as a working day', () => {
    expect(calendar.isDayOff('2026-03-08')).toBe(true);
    expect(calendar.isDayOff('2026-03-09')).toBe(false);
  });

  it('finds the first working day after the Spring Festival break', () => {
    expect(calendar.nextWorkingDay('2026-02-15')).toBe('2026-02-24');
  });

  it('returns the day itself when it is already a working day', () => {
    expect(calendar.nextWorkingDay('2026-09-20')).toBe('2026-09-20'); // make-up Sunday
  });

  it('covers only the years whose schedule was entered', () => {
    expect(calendar.covers('2026-12-31')).toBe(true);
    expect(calendar.covers('2027-01-01')).toBe(false);
  });

  it('still skips weekends in a year it does not cover', () => {
    expect(calendar.nextWorkingDay('2027-03-13')).toBe('2027-03-15'); // Saturday → Monday
  });

  it('says which covered years are only provisional, and still treats their festivals as days off', () => {
    const withProvisional = new WorkingCalendar({
      daysOff: new Set([...HOLIDAYS_2026.daysOff, '2027-02-05', '2027-02-08']),
      makeUpWorkdays: HOLIDAYS_2026.makeUpWorkdays,
      coveredYears: new Set([2026, 2027]),
      provisionalYears: new Set([2027]),
    });
    expect(withProvisional.covers('2027-02-05')).toBe(true);
    expect(withProvisional.isProvisional('2027-02-05')).toBe(true);
    expect(withProvisional.isProvisional('2026-12-31')).toBe(false);
    expect(withProvisional.nextWorkingDay('2027-02-05')).toBe('2027-02-09'); // eve, weekend, day 3 → Tuesday
  });

  it('refuses a provisional year that is not a covered year', () => {
    expect(() => new WorkingCalendar({ ...HOLIDAYS_2026, provisionalYears: new Set([2027]) })).toThrow(/2027/);
  });

  it('refuses a day listed both as a day off and as a make-up working day', () => {
    const contradictory = { ...HOLIDAYS_2026, makeUpWorkdays: new Set(['2026-02-16']) };
    expect(() => new WorkingCalendar(contradictory)).toThrow(/2026-02-16/);
  });

  it('refuses holiday data with a date that does not exist', () => {
    expect(() => new WorkingCalendar({ ...HOLIDAYS_2026, daysOff: new Set(['2026-02-30']) })).toThrow(RangeError);
  });

  it('is not changed when the caller later changes its own sets', () => {
    const daysOff = new Set(['2026-03-09']);
    const own = new WorkingCalendar({ daysOff, makeUpWorkdays: new Set(), coveredYears: new Set([2026]) });
    daysOff.delete('2026-03-09');
    expect(own.isDayOff('2026-03-09')).toBe(true);
  });

  it('has a fingerprint that is the same for the same days and changes with any of them', () => {
    const same = new WorkingCalendar({ ...HOLIDAYS_2026, daysOff: new Set([...HOLIDAYS_2026.daysOff].reverse()) });
    expect(same.fingerprint()).toBe(new WorkingCalendar(HOLIDAYS_2026).fingerprint());
    const dayMore = new WorkingCalendar({ ...HOLIDAYS_2026, daysOff: new Set([...HOLIDAYS_2026.daysOff, '2026-12-31']) });
    const yearMore = new WorkingCalendar({ ...HOLIDAYS_2026, coveredYears: new Set([...HOLIDAYS_2026.coveredYears, 2027]) });
    const fingerprints = new Set([same, dayMore, yearMore].map((calendar) => calendar.fingerprint()));
    expect(fingerprints.size).toBe(3);
  });
});
