import { campaignEve, dayNumber, intakeWeight, isoDay, stamp, stampText } from './days';
import { timeOrderedUuids } from './ids';
import { NameSource, ResidentIdFactory } from './identities';
import { planCase } from './case-plan';
import { Prng } from './prng';
import { CasesPerEmployer, claimedFen, confirmedFen, firstIntakeDay, groupSize, payTerms, yuan } from './synthetic';

const today = dayNumber('2026-11-22');

describe('group sizes', () => {
  it('average about five workers a case, mostly one to five, never more than 1,000', () => {
    const rng = new Prng(11);
    const sizes = Array.from({ length: 200_000 }, () => groupSize(rng));
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(4.5);
    expect(mean).toBeLessThan(6);
    expect(sizes.reduce((a, b) => Math.min(a, b))).toBe(1);
    expect(sizes.reduce((a, b) => Math.max(a, b))).toBeLessThanOrEqual(1000);
    expect(sizes.filter((n) => n <= 5).length / sizes.length).toBeGreaterThan(0.8);
    expect(sizes.filter((n) => n >= 10 && n <= 50).length).toBeGreaterThan(0);
    expect(sizes.filter((n) => n >= 300).length).toBeGreaterThan(0);
  });
});

describe('employers', () => {
  it('have about four cases each, with repeat offenders of dozens to hundreds', () => {
    const rng = new Prng(12);
    const perEmployer = new CasesPerEmployer(300, 2.0);
    const counts = Array.from({ length: 100_000 }, () => perEmployer.next(rng));
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(3);
    expect(mean).toBeLessThan(5);
    expect(counts.filter((n) => n === 1).length / counts.length).toBeGreaterThan(0.5);
    expect(counts.filter((n) => n >= 100).length).toBeGreaterThan(0);
  });
});

describe('money', () => {
  it('claims a few thousand to tens of thousands of yuan a worker, to the jiao, and confirms no more than claimed', () => {
    const rng = new Prng(13);
    for (let i = 0; i < 5000; i++) {
      const terms = payTerms(rng, rng.pick(['construction', 'catering', 'logistics'] as const), today - rng.int(0, 1000));
      const claimed = claimedFen(rng, terms);
      expect(Number.isInteger(claimed)).toBe(true);
      expect(claimed % 10).toBe(0);
      expect(claimed).toBeGreaterThanOrEqual(100_00);
      expect(claimed).toBeLessThan(300_000_00);
      const confirmed = confirmedFen(rng, claimed);
      expect(confirmed).toBeGreaterThan(0);
      expect(confirmed).toBeLessThanOrEqual(claimed);
      expect(terms.periodStartDay).toBeLessThanOrEqual(terms.periodEndDay);
    }
    expect(yuan(1_200_050)).toBe('12000.50');
  });
});

describe('the calendar of the seasons', () => {
  it('starts at least four years back, on a 1 November', () => {
    const first = firstIntakeDay(today);
    expect(isoDay(first)).toBe('2022-11-01');
    expect(today - first).toBeGreaterThanOrEqual(4 * 365);
  });

  it('is busiest in the weeks before the Spring Festival and quiet over the holiday', () => {
    // Festival 2027-02-06: eve 02-05. A Wednesday in January against a Wednesday in May.
    expect(campaignEve(dayNumber('2027-01-20'))).toBe(dayNumber('2027-02-05'));
    expect(campaignEve(dayNumber('2026-05-20'))).toBeNull();
    expect(intakeWeight(dayNumber('2027-01-20'))).toBeGreaterThan(3 * intakeWeight(dayNumber('2026-05-20')));
    expect(intakeWeight(dayNumber('2027-02-08'))).toBeLessThan(intakeWeight(dayNumber('2026-05-20')));
  });

  it('writes Shanghai wall-clock times with their offset', () => {
    expect(stampText(stamp(dayNumber('2026-11-22'), 9 * 60 + 5))).toBe('2026-11-22T09:05:00+08:00');
  });
});

describe('reproducibility', () => {
  /** A bit of everything the generator draws: ids, names, sizes and whole case plans. */
  function sample(seed: number) {
    const rng = new Prng(seed);
    const names = new NameSource();
    const ids = new ResidentIdFactory(firstIntakeDay(today), today, seed);
    return Array.from({ length: 300 }, () => {
      const intakeDay = rng.int(firstIntakeDay(today), today);
      return {
        name: names.person(rng),
        id: ids.next(rng, intakeDay).idNumber,
        workers: groupSize(rng),
        plan: planCase(rng, { intakeDay, intakeMinute: 600, today, workers: 3 }),
      };
    });
  }

  it('gives the same data for the same seed and other data for another', () => {
    expect(sample(2024)).toEqual(sample(2024));
    expect(sample(2024)).not.toEqual(sample(2025));
  });

  it('streams forked for one purpose do not depend on draws elsewhere', () => {
    const a = new Prng(9);
    const b = new Prng(9);
    const forkA = a.fork(1);
    const forkB = b.fork(1);
    a.next();
    expect(Array.from({ length: 5 }, () => forkA.nextUint32())).toEqual(Array.from({ length: 5 }, () => forkB.nextUint32()));
  });
});

describe('generated keys', () => {
  it('are version 7 uuids in ascending order, all different', () => {
    const next = timeOrderedUuids();
    const ids = Array.from({ length: 50_000 }, () => next());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
