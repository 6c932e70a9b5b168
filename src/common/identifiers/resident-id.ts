/**
 * Chinese resident identity card number (公民身份号码), GB 11643-1999.
 *
 * Layout (GB 11643-1999 §4): 6-digit address code, 8-digit birth date
 * YYYYMMDD, 3-digit sequence code, 1 check character (0-9 or X).
 *
 * Pure functions: the caller passes "today" so nothing here reads a clock.
 */

export type ResidentIdProblem = 'FORMAT' | 'REGION' | 'BIRTH_DATE' | 'CHECK_DIGIT';

/**
 * Province-level divisions by the first two digits of the address code
 * (GB/T 2260 administrative division codes, which GB 11643 §5.1 refers to).
 */
const PROVINCE_BY_CODE: ReadonlyMap<string, string> = new Map([
  ['11', '北京市'],
  ['12', '天津市'],
  ['13', '河北省'],
  ['14', '山西省'],
  ['15', '内蒙古自治区'],
  ['21', '辽宁省'],
  ['22', '吉林省'],
  ['23', '黑龙江省'],
  ['31', '上海市'],
  ['32', '江苏省'],
  ['33', '浙江省'],
  ['34', '安徽省'],
  ['35', '福建省'],
  ['36', '江西省'],
  ['37', '山东省'],
  ['41', '河南省'],
  ['42', '湖北省'],
  ['43', '湖南省'],
  ['44', '广东省'],
  ['45', '广西壮族自治区'],
  ['46', '海南省'],
  ['50', '重庆市'],
  ['51', '四川省'],
  ['52', '贵州省'],
  ['53', '云南省'],
  ['54', '西藏自治区'],
  ['61', '陕西省'],
  ['62', '甘肃省'],
  ['63', '青海省'],
  ['64', '宁夏回族自治区'],
  ['65', '新疆维吾尔自治区'],
  ['71', '台湾省'],
  ['81', '香港特别行政区'],
  ['82', '澳门特别行政区'],
]);

/** All 34 province-level division names, e.g. to validate a `homeProvince` field. */
export const PROVINCES: readonly string[] = Object.freeze([...PROVINCE_BY_CODE.values()]);

/** GB 11643-1999 §5.4: weights W_i = 2^(i-1) mod 11 for positions 18..2. */
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** ISO 7064 MOD 11-2: check character indexed by (weighted sum mod 11). */
const CHECK_CHARACTERS = '10X98765432';

/** People born before 1900 cannot plausibly be workers with a live claim. */
const EARLIEST_BIRTH_DATE = '19000101';

const RESIDENT_ID_PATTERN = /^[0-9]{17}[0-9X]$/;
const FIRST_17_PATTERN = /^[0-9]{17}$/;
const ISO_DATE_PATTERN = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/**
 * Trims surrounding whitespace and uppercases a trailing x: people often type
 * the check character X in lowercase, and GB 11643 only defines uppercase.
 */
export function normalizeResidentId(raw: string): string {
  return raw.trim().replace(/x$/, 'X');
}

/**
 * Returns the first problem found in an already-normalized id, or null if it
 * is valid. Checks run cheapest-first so the reported problem is the most
 * useful one (a typo in the birth date is reported as BIRTH_DATE, not as a
 * check-digit mismatch).
 *
 * @param today the current date in Asia/Shanghai as 'YYYY-MM-DD'.
 */
export function checkResidentId(id: string, today: string): ResidentIdProblem | null {
  const todayCompact = compactIsoDate(today);
  if (!RESIDENT_ID_PATTERN.test(id)) return 'FORMAT';
  if (provinceOfResidentId(id) === null) return 'REGION';
  if (!isPlausibleBirthDate(id.slice(6, 14), todayCompact)) return 'BIRTH_DATE';
  if (residentIdCheckDigit(id.slice(0, 17)) !== id[17]) return 'CHECK_DIGIT';
  return null;
}

/** Chinese name of the province-level division, or null if the code is unknown. */
export function provinceOfResidentId(id: string): string | null {
  return PROVINCE_BY_CODE.get(id.slice(0, 2)) ?? null;
}

/**
 * Check character for the first 17 digits (GB 11643-1999 §5.4, ISO 7064
 * MOD 11-2). Exported so test-data factories can build valid ids.
 */
export function residentIdCheckDigit(first17: string): string {
  if (!FIRST_17_PATTERN.test(first17)) {
    throw new Error(`residentIdCheckDigit needs exactly 17 digits, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < CHECK_WEIGHTS.length; i++) {
    sum += Number(first17[i]) * CHECK_WEIGHTS[i];
  }
  return CHECK_CHARACTERS[sum % 11];
}

/** A birth date must exist on the calendar and lie in [1900-01-01, today]. */
function isPlausibleBirthDate(yyyymmdd: string, todayCompact: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (!isCalendarDate(year, month, day)) return false;
  // Same-length zero-padded YYYYMMDD strings compare in date order.
  return yyyymmdd >= EARLIEST_BIRTH_DATE && yyyymmdd <= todayCompact;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Gregorian rule: 2000 was a leap year, 1900 was not. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * 'YYYY-MM-DD' → 'YYYYMMDD'. A malformed `today` is a programming error in the
 * caller, not bad user input, so it throws instead of being reported.
 */
function compactIsoDate(isoDate: string): string {
  const match = ISO_DATE_PATTERN.exec(isoDate);
  if (match === null || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new Error(`today must be a 'YYYY-MM-DD' date, got "${isoDate}"`);
  }
  return `${match[1]}${match[2]}${match[3]}`;
}
