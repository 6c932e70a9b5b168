import { daysText, parseDays } from './days-text';

describe("a reminder rule's days", () => {
  it('reads the separators a clerk types, in Chinese or not', () => {
    expect(parseDays('30, 14，7、3 1')).toEqual([30, 14, 7, 3, 1]);
    expect(parseDays('  ')).toEqual([]);
  });

  it('refuses what is not a whole number of days', () => {
    expect(parseDays('7, 3.5')).toBeNull();
    expect(parseDays('-1')).toBeNull();
    expect(parseDays('三天')).toBeNull();
  });

  it('shows the days as they are typed', () => {
    expect(daysText([7, 3, 1, 0])).toBe('7, 3, 1, 0');
    expect(parseDays(daysText([7, 3, 1, 0]))).toEqual([7, 3, 1, 0]);
  });
});
