import { defaultSeason, newYearsDayTarget, SeasonSettings, seasonEve, seasonProblems, seasonStatus } from './season';

const SEASON_2027 = defaultSeason(2027);
const WITH_NEW_YEAR: SeasonSettings = { ...SEASON_2027, targets: [newYearsDayTarget(2027)] };

describe('defaultSeason', () => {
  it('runs from 1 November to the festival’s eve, without targets', () => {
    expect(defaultSeason(2027)).toEqual({ startsOn: '2026-11-01', endsOn: '2027-02-05', targets: [] });
  });

  it('follows the festival when it comes early (2028-01-26)', () => {
    expect(defaultSeason(2028)).toEqual({ startsOn: '2027-11-01', endsOn: '2028-01-25', targets: [] });
  });
});

describe('newYearsDayTarget (元旦)', () => {
  it('targets verified cases on 1 January of the festival’s year', () => {
    expect(newYearsDayTarget(2027)).toEqual({ name: '元旦前结清已核实欠薪', on: '2027-01-01', appliesTo: 'verified_cases' });
  });
});

describe('seasonStatus', () => {
  it('is not in season the day before the start, and counts down to the eve anyway', () => {
    expect(seasonStatus('2026-10-31', SEASON_2027)).toEqual({
      inSeason: false,
      eve: '2027-02-05',
      daysToEve: 97,
      nextTarget: null,
    });
  });

  it('is in season on the first day', () => {
    expect(seasonStatus('2026-11-01', SEASON_2027)).toMatchObject({ inSeason: true, daysToEve: 96 });
  });

  it('counts 0 days on the eve, still in season', () => {
    expect(seasonStatus('2027-02-05', SEASON_2027)).toMatchObject({ inSeason: true, daysToEve: 0 });
  });

  it('counts negative days after the eve, out of season', () => {
    expect(seasonStatus('2027-02-06', SEASON_2027)).toMatchObject({ inSeason: false, daysToEve: -1 });
  });

  it('shows New Year’s Day as the next target a week before it', () => {
    expect(seasonStatus('2026-12-25', WITH_NEW_YEAR).nextTarget).toEqual({
      name: '元旦前结清已核实欠薪',
      on: '2027-01-01',
      appliesTo: 'verified_cases',
      daysLeft: 7,
    });
  });

  it('shows the target with 0 days left on its day', () => {
    expect(seasonStatus('2027-01-01', WITH_NEW_YEAR).nextTarget?.daysLeft).toBe(0);
  });

  it('has no next target once the last one has passed', () => {
    expect(seasonStatus('2027-01-02', WITH_NEW_YEAR).nextTarget).toBeNull();
  });

  it('picks the earliest of targets given out of order', () => {
    const settings: SeasonSettings = {
      ...SEASON_2027,
      targets: [
        { name: '全部案件清零', on: '2027-01-20', appliesTo: 'all_cases' },
        newYearsDayTarget(2027),
      ],
    };
    expect(seasonStatus('2026-12-01', settings).nextTarget?.name).toBe('元旦前结清已核实欠薪');
  });

  it('keeps counting down to the eve when a county ends its season later', () => {
    const settings: SeasonSettings = { ...SEASON_2027, endsOn: '2027-02-20' };
    expect(seasonStatus('2027-02-10', settings)).toMatchObject({ inSeason: true, eve: '2027-02-05', daysToEve: -5 });
  });

  it('counts down to the eve when a county starts its season on 15 November', () => {
    const settings: SeasonSettings = { ...SEASON_2027, startsOn: '2026-11-15' };
    expect(seasonStatus('2026-11-10', settings)).toMatchObject({ inSeason: false, daysToEve: 87 });
  });

  it('refuses a today that is not a calendar day', () => {
    expect(() => seasonStatus('2026-13-01', SEASON_2027)).toThrow(RangeError);
  });
});

describe('seasonEve', () => {
  it('is the eve of the festival after the season’s start', () => {
    expect(seasonEve(defaultSeason(2026))).toBe('2026-02-16');
  });
});

describe('seasonProblems', () => {
  it('finds nothing wrong with the default season and a New Year target', () => {
    expect(seasonProblems(WITH_NEW_YEAR)).toEqual([]);
  });

  it('refuses a season that ends before it starts, or on the day it starts', () => {
    expect(seasonProblems({ ...SEASON_2027, endsOn: '2026-10-01' })).toEqual(['the season must start before the day it ends']);
    expect(seasonProblems({ ...SEASON_2027, endsOn: SEASON_2027.startsOn })).toEqual(['the season must start before the day it ends']);
  });

  it('refuses a target outside the season', () => {
    const settings: SeasonSettings = { ...SEASON_2027, targets: [{ name: '国庆', on: '2026-10-01', appliesTo: 'all_cases' }] };
    expect(seasonProblems(settings)).toEqual(['the target "国庆" on 2026-10-01 is outside the season']);
  });

  it('refuses a target without a name', () => {
    const settings: SeasonSettings = { ...SEASON_2027, targets: [{ name: ' ', on: '2027-01-01', appliesTo: 'all_cases' }] };
    expect(seasonProblems(settings)).toEqual(['the target on 2027-01-01 has no name']);
  });

  it('refuses dates that are not calendar days', () => {
    expect(seasonProblems({ ...SEASON_2027, startsOn: '2026-11-31' })).toEqual([
      `not a calendar date 'YYYY-MM-DD': "2026-11-31"`,
    ]);
  });
});
