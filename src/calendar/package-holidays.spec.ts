import { LAST_PACKAGE_YEAR, packageSchedule } from './package-holidays';

describe('packageSchedule (chinese-days data)', () => {
  it("gives 2026 as the State Council announced it: the nine-day Spring Festival break and the year's make-up Saturdays and Sundays", () => {
    const schedule = packageSchedule(2026)!;
    expect(schedule.daysOff).toEqual(
      expect.arrayContaining(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']),
    );
    expect(schedule.daysOff).toHaveLength(33);
    expect(schedule.makeUpWorkdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('ends with 2026 in the installed package: 2027 is not in it', () => {
    expect(LAST_PACKAGE_YEAR).toBe(2026);
    expect(packageSchedule(2027)).toBeNull();
  });

  it('reads the same days whatever the time zone of the machine (the data, not the date functions)', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(packageSchedule(2026)!.daysOff[0]).toBe('2026-01-01');
      expect(packageSchedule(2026)!.makeUpWorkdays[0]).toBe('2026-01-04');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
