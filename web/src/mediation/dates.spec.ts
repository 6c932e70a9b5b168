import { addDays, addMinutes, dayOf, shanghaiDate, shanghaiTimestamp, timeOf } from './dates';

describe('days and times in Shanghai', () => {
  it('reads the Shanghai day, not the phone’s', () => {
    // 17:30 UTC on 11 January is 01:30 on 12 January in Beijing
    expect(shanghaiDate(new Date('2027-01-11T17:30:00Z'))).toBe('2027-01-12');
    expect(shanghaiDate(new Date('2027-01-11T15:59:59Z'))).toBe('2027-01-11');
  });

  it('counts calendar days across months and years', () => {
    expect(addDays('2027-01-31', 1)).toBe('2027-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('writes and reads the API’s timestamps', () => {
    expect(shanghaiTimestamp('2027-01-12', '09:30')).toBe('2027-01-12T09:30:00+08:00');
    expect(shanghaiTimestamp('2027-01-12', '09:30:00')).toBe('2027-01-12T09:30:00+08:00');
    expect(dayOf('2027-01-12T09:30:00+08:00')).toBe('2027-01-12');
    expect(timeOf('2027-01-12T09:30:00+08:00')).toBe('09:30');
  });

  it('ends a session two hours later, never past midnight', () => {
    expect(addMinutes('09:30', 120)).toBe('11:30');
    expect(addMinutes('23:00', 120)).toBe('23:59');
  });
});
