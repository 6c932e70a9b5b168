import holidayData from 'chinese-days/dist/chinese-days.json';
import { isProvisionalYear, movableFestivals, statutoryDays, StatutoryFestival } from './statutory-holidays';

/** How the package's data (the State Council's notices) names each festival: "Spring Festival,春节,4". */
const NOTICE_NAMES: Record<StatutoryFestival, string> = {
  new_year: '元旦',
  spring_festival: '春节',
  qingming: '清明',
  labour_day: '劳动节',
  dragon_boat: '端午',
  mid_autumn: '中秋',
  national_day: '国庆节',
};

/** The festival the State Council's notice gave that day off for, as the package records it. */
function announcedFestivalOn(day: string): string | undefined {
  return (holidayData.holidays as Record<string, string>)[day]?.split(',')[1];
}

describe('statutoryDays (全国年节及纪念日放假办法, 2024 revision)', () => {
  it('gives 2027 its thirteen statutory days: the Spring Festival from the eve, Friday 5 February, to day 3', () => {
    // Lunar New Year 2027 is Saturday 6 February; Qingming 5 April; 端午 9 June; 中秋 15 September.
    expect(statutoryDays(2027)).toEqual([
      { day: '2027-01-01', festival: 'new_year' },
      { day: '2027-02-05', festival: 'spring_festival' },
      { day: '2027-02-06', festival: 'spring_festival' },
      { day: '2027-02-07', festival: 'spring_festival' },
      { day: '2027-02-08', festival: 'spring_festival' },
      { day: '2027-04-05', festival: 'qingming' },
      { day: '2027-05-01', festival: 'labour_day' },
      { day: '2027-05-02', festival: 'labour_day' },
      { day: '2027-06-09', festival: 'dragon_boat' },
      { day: '2027-09-15', festival: 'mid_autumn' },
      { day: '2027-10-01', festival: 'national_day' },
      { day: '2027-10-02', festival: 'national_day' },
      { day: '2027-10-03', festival: 'national_day' },
    ]);
  });

  it('takes the Dragon Boat festival of 2028 from the ordinary fifth month, not the leap one', () => {
    // 2028 has a leap fifth month: 五月初五 is 28 May, 闰五月初五 27 June.
    expect(statutoryDays(2028).filter((d) => d.festival === 'dragon_boat')).toEqual([{ day: '2028-05-28', festival: 'dragon_boat' }]);
  });

  it('lists a day once when Mid-Autumn falls on National Day (3 October 2028)', () => {
    const days = statutoryDays(2028);
    expect(days.filter((d) => d.day === '2028-10-03')).toEqual([{ day: '2028-10-03', festival: 'mid_autumn' }]);
    expect(days).toHaveLength(12);
  });

  it.each([2025, 2026])('coincides in %i with the days the State Council announced, festival by festival', (year) => {
    const days = statutoryDays(year);
    expect(days).toHaveLength(13);
    for (const { day, festival } of days) {
      expect({ day, announcedAs: announcedFestivalOn(day) }).toEqual({ day, announcedAs: NOTICE_NAMES[festival] });
    }
  });

  it('refuses a year the 2024 revision does not govern, or the package cannot compute', () => {
    expect(() => statutoryDays(2024)).toThrow(RangeError);
    expect(() => statutoryDays(2101)).toThrow(RangeError);
  });

  it('gives the same days whatever the time zone of the machine', () => {
    const inShanghai = withTimeZone('Asia/Shanghai', () => statutoryDays(2027));
    expect(withTimeZone('America/Los_Angeles', () => statutoryDays(2027))).toEqual(inShanghai);
    expect(withTimeZone('Pacific/Kiritimati', () => statutoryDays(2027))).toEqual(inShanghai);
    expect(withTimeZone('UTC', () => statutoryDays(2027))).toEqual(inShanghai);
  });
});

describe('movableFestivals', () => {
  it.each([2018, 2019, 2021, 2022, 2023, 2024, 2025, 2026])(
    'puts every lunar festival and Qingming of %i on a day the State Council gave off for it',
    (year) => {
      const festivals = movableFestivals(year);
      expect({
        springFestival: announcedFestivalOn(festivals.springFestival),
        qingming: announcedFestivalOn(festivals.qingming),
        dragonBoat: announcedFestivalOn(festivals.dragonBoat),
        midAutumn: announcedFestivalOn(festivals.midAutumn),
      }).toEqual({ springFestival: '春节', qingming: '清明', dragonBoat: '端午', midAutumn: '中秋' });
    },
  );

  it('has Mid-Autumn 2020 on 1 October, which the notice merged into the National Day break', () => {
    const festivals = movableFestivals(2020);
    expect(festivals).toEqual({ springFestival: '2020-01-25', qingming: '2020-04-04', dragonBoat: '2020-06-25', midAutumn: '2020-10-01' });
    expect(announcedFestivalOn('2020-10-01')).toBe('国庆节');
  });

  it('has the Qingming solar term of 2019 on 5 April and of 2028 on 4 April', () => {
    expect(movableFestivals(2019).qingming).toBe('2019-04-05');
    expect(movableFestivals(2028).qingming).toBe('2028-04-04');
  });
});

describe('isProvisionalYear', () => {
  it('covers up to five years past the last announced one', () => {
    expect(isProvisionalYear(2027, 2026)).toBe(true);
    expect(isProvisionalYear(2031, 2026)).toBe(true);
    expect(isProvisionalYear(2032, 2026)).toBe(false);
  });

  it('never reaches back before the 2024 revision took effect in 2025', () => {
    expect(isProvisionalYear(2024, 2023)).toBe(false);
    expect(isProvisionalYear(2025, 2023)).toBe(true);
  });
});

/** Runs `fn` with the process's time zone set to `zone` (Node applies a change of TZ at once). */
function withTimeZone<T>(zone: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
