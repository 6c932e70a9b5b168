import {
  assertWithinLegalBounds,
  criminalThresholdCheck,
  HIGHEST_THRESHOLDS,
  LOWEST_THRESHOLDS,
  ProvinceThresholds,
} from './criminal-threshold';

/** A made-up province that set 10,000 yuan for one worker and 50,000 yuan for ten or more. */
const SOME_PROVINCE: ProvinceThresholds = { individualFen: 1_000_000n, groupFen: 5_000_000n };

/** `count` workers, each owed `outstandingFen` for `monthsOwed` months. */
function crew(count: number, outstandingFen: bigint, monthsOwed: number) {
  return Array.from({ length: count }, () => ({ outstandingFen, monthsOwed }));
}

describe('criminalThresholdCheck (Criminal Law art. 276-1; SPC interpretation 2013 art. 3)', () => {
  it('is met when one worker is owed four months and 12,000 yuan and the employer ignored an order to pay', () => {
    const result = criminalThresholdCheck(
      { workers: [{ outstandingFen: 1_200_000n, monthsOwed: 4 }, ...crew(2, 300_000n, 1)], governmentOrderIgnored: true },
      SOME_PROVINCE,
    );
    expect(result).toEqual({ met: true, reasons: ['individual'] });
  });

  it('is met exactly at the individual figure and three months, since 以上 includes the number (art. 99)', () => {
    const result = criminalThresholdCheck(
      { workers: [{ outstandingFen: 1_000_000n, monthsOwed: 3 }], governmentOrderIgnored: true },
      SOME_PROVINCE,
    );
    expect(result.met).toBe(true);
  });

  it('is not met for one worker owed a large sum for less than three months', () => {
    const result = criminalThresholdCheck(
      { workers: [{ outstandingFen: 1_900_000n, monthsOwed: 2 }], governmentOrderIgnored: true },
      SOME_PROVINCE,
    );
    expect(result).toEqual({ met: false, reasons: [] });
  });

  it('is met for a group of 10 workers owed 50,000 yuan in total after an ignored order', () => {
    const result = criminalThresholdCheck({ workers: crew(10, 500_000n, 2), governmentOrderIgnored: true }, SOME_PROVINCE);
    expect(result).toEqual({ met: true, reasons: ['group'] });
  });

  it('is not met for 9 workers, however much they are owed', () => {
    const result = criminalThresholdCheck({ workers: crew(9, 1_000_000n, 2), governmentOrderIgnored: true }, SOME_PROVINCE);
    expect(result).toEqual({ met: false, reasons: [] });
  });

  it('does not count a worker already paid in full toward the ten', () => {
    const workers = [...crew(9, 600_000n, 2), { outstandingFen: 0n, monthsOwed: 0 }];
    expect(criminalThresholdCheck({ workers, governmentOrderIgnored: true }, SOME_PROVINCE).met).toBe(false);
  });

  it('is not met without a government order to pay, even when both amounts are reached', () => {
    const workers = [{ outstandingFen: 2_000_000n, monthsOwed: 5 }, ...crew(11, 500_000n, 5)];
    const result = criminalThresholdCheck({ workers, governmentOrderIgnored: false }, SOME_PROVINCE);
    expect(result).toEqual({ met: false, reasons: ['individual', 'group', 'no_government_order'] });
  });

  it('refuses provincial figures outside the range the SPC allows', () => {
    const tooLow = { individualFen: 499_999n, groupFen: 3_000_000n };
    expect(() => criminalThresholdCheck({ workers: [], governmentOrderIgnored: true }, tooLow)).toThrow(RangeError);
  });
});

describe('legal bounds of the provincial figures', () => {
  it('are 5,000 / 30,000 yuan at the lowest and 20,000 / 100,000 yuan at the highest', () => {
    expect(LOWEST_THRESHOLDS).toEqual({ individualFen: 500_000n, groupFen: 3_000_000n });
    expect(HIGHEST_THRESHOLDS).toEqual({ individualFen: 2_000_000n, groupFen: 10_000_000n });
  });

  it('accept both bounds themselves', () => {
    expect(() => assertWithinLegalBounds(LOWEST_THRESHOLDS)).not.toThrow();
    expect(() => assertWithinLegalBounds(HIGHEST_THRESHOLDS)).not.toThrow();
  });

  it('refuse an individual figure one fen above 20,000 yuan', () => {
    expect(() => assertWithinLegalBounds({ individualFen: 2_000_001n, groupFen: 5_000_000n })).toThrow(/individualFen/);
  });

  it('refuse a group figure one fen below 30,000 yuan', () => {
    expect(() => assertWithinLegalBounds({ individualFen: 1_000_000n, groupFen: 2_999_999n })).toThrow(/groupFen/);
  });
});
