/**
 * Whether the arrears of a case reach the threshold of the crime of refusing to pay labour
 * remuneration (拒不支付劳动报酬罪, Criminal Law art. 276-1), so that the case can be referred to
 * the police through the labour bureau.
 *
 * The amounts come from the SPC interpretation of 2013 (最高人民法院关于审理拒不支付劳动报酬刑事案件
 * 适用法律若干问题的解释) art. 3: each province sets its own figures within a national range, so
 * they are data administrators enter per province; only the range is fixed here.
 *
 * Pure: no framework, no database, no clock.
 */

/** The provincial amounts of "a relatively large amount" (数额较大), in fen. */
export interface ProvinceThresholds {
  /** One worker owed three months or more: the province's figure within 5,000-20,000 yuan. */
  individualFen: bigint;
  /** Ten workers or more, owed in total: the province's figure within 30,000-100,000 yuan. */
  groupFen: bigint;
}

/** The lowest figures a province may set (SPC interpretation 2013 art. 3): 5,000 and 30,000 yuan. */
export const LOWEST_THRESHOLDS: Readonly<ProvinceThresholds> = Object.freeze({
  individualFen: 500_000n,
  groupFen: 3_000_000n,
});

/** The highest figures a province may set (SPC interpretation 2013 art. 3): 20,000 and 100,000 yuan. */
export const HIGHEST_THRESHOLDS: Readonly<ProvinceThresholds> = Object.freeze({
  individualFen: 2_000_000n,
  groupFen: 10_000_000n,
});

/** Throws a RangeError when a province's figures lie outside the range the SPC allows. */
export function assertWithinLegalBounds(thresholds: ProvinceThresholds): void {
  assertInRange('individualFen', thresholds.individualFen, LOWEST_THRESHOLDS.individualFen, HIGHEST_THRESHOLDS.individualFen);
  assertInRange('groupFen', thresholds.groupFen, LOWEST_THRESHOLDS.groupFen, HIGHEST_THRESHOLDS.groupFen);
}

function assertInRange(name: string, value: bigint, lowest: bigint, highest: bigint): void {
  if (value < lowest || value > highest) {
    throw new RangeError(
      `${name} must be between ${lowest} and ${highest} fen (SPC interpretation of 2013 art. 3): ${value}`,
    );
  }
}

export interface CriminalThresholdInput {
  workers: { outstandingFen: bigint; monthsOwed: number }[];
  /**
   * The employer was ordered to pay by the labour bureau or another government department (for
   * example by a 限期整改指令书 or 行政处理决定书) and still did not pay by the date set.
   */
  governmentOrderIgnored: boolean;
}

export const CRIMINAL_THRESHOLD_REASONS = ['individual', 'group', 'no_government_order'] as const;
export type CriminalThresholdReason = (typeof CRIMINAL_THRESHOLD_REASONS)[number];

export interface CriminalThresholdResult {
  met: boolean;
  /**
   * The amount tests that are met ('individual', 'group'), and 'no_government_order' when the
   * element of refusing after an order is missing, which alone keeps the threshold from being met.
   */
  reasons: CriminalThresholdReason[];
}

/** Ten workers: "十名以上劳动者" (SPC interpretation 2013 art. 3(2)). */
const GROUP_SIZE = 10;
/** Three months' pay: "三个月以上的劳动报酬" (SPC interpretation 2013 art. 3(1)). */
const INDIVIDUAL_MONTHS = 3;

/**
 * Criminal Law art. 276-1 needs both a relatively large amount and a refusal to pay after a
 * government order (经政府有关部门责令支付仍不支付). The amount (SPC interpretation 2013 art. 3) is
 * either (1) one worker owed three months' pay or more and the provincial individual figure or
 * more, or (2) ten workers or more owed the provincial group figure or more in total. "以上" includes
 * the number itself (Criminal Law art. 99), hence ≥ throughout.
 */
export function criminalThresholdCheck(input: CriminalThresholdInput, thresholds: ProvinceThresholds): CriminalThresholdResult {
  assertWithinLegalBounds(thresholds);
  const reasons: CriminalThresholdReason[] = [];
  if (individualAmountMet(input.workers, thresholds)) reasons.push('individual');
  if (groupAmountMet(input.workers, thresholds)) reasons.push('group');
  const amountMet = reasons.length > 0;
  if (!input.governmentOrderIgnored) reasons.push('no_government_order');
  return { met: amountMet && input.governmentOrderIgnored, reasons };
}

/** Some one worker is owed at least three months' pay, amounting to at least the individual figure. */
function individualAmountMet(workers: CriminalThresholdInput['workers'], thresholds: ProvinceThresholds): boolean {
  return workers.some((worker) => worker.monthsOwed >= INDIVIDUAL_MONTHS && worker.outstandingFen >= thresholds.individualFen);
}

/**
 * At least ten workers are owed something, and together at least the group figure. A worker who
 * has been paid in full is no longer "refused payment" and does not count toward the ten.
 */
function groupAmountMet(workers: CriminalThresholdInput['workers'], thresholds: ProvinceThresholds): boolean {
  const owed = workers.filter((worker) => worker.outstandingFen > 0n);
  const totalFen = owed.reduce((sum, worker) => sum + worker.outstandingFen, 0n);
  return owed.length >= GROUP_SIZE && totalFen >= thresholds.groupFen;
}

/** Whole calendar months of an unpaid period, the first and last month counted in full. */
export function monthsOwed(periodStart: string | null, periodEnd: string | null): number {
  if (!periodStart || !periodEnd) return 0;
  const [startYear, startMonth] = periodStart.split('-').map(Number);
  const [endYear, endMonth] = periodEnd.split('-').map(Number);
  return Math.max(0, (endYear - startYear) * 12 + (endMonth - startMonth) + 1);
}
