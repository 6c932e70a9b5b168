import { cycled, isWorkingDay, kindOf, weeksOf } from './holiday-calendar';

describe('the holiday calendar', () => {
  const empty = { daysOff: [], makeUpWorkdays: [] };

  it('cycles a weekday between working and day off: a make-up day is never on a weekday', () => {
    // 2027-02-08 is a Monday
    const off = cycled(empty, '2027-02-08');
    expect(kindOf(off, '2027-02-08')).toBe('dayOff');
    expect(kindOf(cycled(off, '2027-02-08'), '2027-02-08')).toBe('ordinary');
  });

  it('cycles a weekend day through day off and make-up working day (调休上班)', () => {
    // 2027-02-14 is a Sunday
    const off = cycled(empty, '2027-02-14');
    const makeUp = cycled(off, '2027-02-14');
    expect(makeUp).toEqual({ daysOff: [], makeUpWorkdays: ['2027-02-14'] });
    expect(isWorkingDay(makeUp, '2027-02-14')).toBe(true);
    expect(cycled(makeUp, '2027-02-14')).toEqual(empty);
  });

  it('keeps the lists sorted, as the year is sent', () => {
    const schedule = cycled(cycled(empty, '2027-10-07'), '2027-10-01');
    expect(schedule.daysOff).toEqual(['2027-10-01', '2027-10-07']);
  });

  it('lays a month out Monday first', () => {
    // February 2027 begins on a Monday and has 28 days: four full weeks
    expect(weeksOf(2027, 2)).toHaveLength(4);
    expect(weeksOf(2027, 2)[0][0]).toBe('2027-02-01');
    // January 2027 begins on a Friday: four empty cells before it
    expect(weeksOf(2027, 1)[0].slice(0, 5)).toEqual([null, null, null, null, '2027-01-01']);
    expect(weeksOf(2027, 1).flat().filter(Boolean)).toHaveLength(31);
  });
});
