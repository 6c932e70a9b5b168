/**
 * Money is held as an integer number of fen (分, 1/100 yuan) in a `bigint`.
 * Yuan strings exist only at the API edge (parse on the way in, format on the
 * way out), so sums over hundreds of workers' claims are exact to the fen;
 * binary floats cannot represent most decimal amounts (0.1 + 0.2 !== 0.3).
 */

export type MoneyProblem = 'FORMAT' | 'TOO_MANY_DECIMALS' | 'NEGATIVE' | 'TOO_LARGE';

export type MoneyParse = { ok: true; fen: bigint } | { ok: false; problem: MoneyProblem };

/**
 * Largest accepted amount: 13 integer digits, 9 999 999 999 999.99 yuan.
 * Far beyond any real claim, and at 10^15 - 1 fen it stays below 2^53, so
 * every accepted amount is also exact as a JS number or a spreadsheet double.
 */
const MAX_FEN = 999_999_999_999_999n;
const MAX_FEN_NUMBER = Number(MAX_FEN);

const FEN_PER_YUAN = 100n;

/** Unsigned plain decimal: digits, optionally '.' and at least one digit. */
const UNSIGNED_DECIMAL = /^([0-9]+)(?:\.([0-9]+))?$/;
const INTEGER_TEXT = /^-?[0-9]+$/;

/**
 * Why a tolerance, and why it is safe. A two-decimal amount of n fen is
 * stored in a double with a rounding error, and × 100 adds another; together
 * at most about n × 2^-52 fen. Below 10 million yuan (1e9 fen) that is under
 * 2.3e-7 fen, so a 1e-6 fen tolerance never rejects a genuine amount (0.1 +
 * 0.2 is 30.000000000000004 fen, 4e-15 off). Conversely, an amount with a
 * stray digit anywhere in its 3rd to 7th decimal place is at least 1e-5 fen
 * from a whole fen, ten times the tolerance, so it is rejected, never
 * rounded. Only residues finer than a millionth of a fen are absorbed: formula
 * noise, not anything a person typed.
 */
const ABSOLUTE_FEN_TOLERANCE = 1e-6;

/**
 * Above ~45 million yuan the n × 2^-52 noise exceeds 1e-6 fen (for
 * 10 000 000 000.03 yuan, value × 100 is 1.2e-4 off), so the tolerance also
 * grows with magnitude: 2^-51 of the value, twice the worst-case noise. It is
 * still safe because Excel keeps 15 significant digits: a stray digit within
 * those 15 moves the value by more than 10^-15 of itself, over twice this
 * tolerance, so it is still rejected.
 */
const RELATIVE_FEN_TOLERANCE = 2 * Number.EPSILON;

/**
 * Parses a yuan amount typed by a person or sent by a client, e.g. '12000.50'.
 * Exact: the digits go straight into a bigint, never through a float, and
 * extra decimals are rejected, never rounded (a claim of 1.234 yuan is a
 * mistake the person must fix, not a value we may silently change).
 */
export function parseYuan(text: string): MoneyParse {
  const trimmed = text.trim();
  const negative = trimmed.startsWith('-');
  const match = UNSIGNED_DECIMAL.exec(negative ? trimmed.slice(1) : trimmed);
  if (match === null) return failure('FORMAT');
  if (negative) return failure('NEGATIVE');
  const [, integerDigits, fractionDigits = ''] = match;
  if (fractionDigits.length > 2) return failure('TOO_MANY_DECIMALS');
  const fen = BigInt(integerDigits) * FEN_PER_YUAN + BigInt(fractionDigits.padEnd(2, '0'));
  if (fen > MAX_FEN) return failure('TOO_LARGE');
  return { ok: true, fen };
}

/**
 * Converts a numeric spreadsheet cell (an IEEE 754 double) to fen. Doubles
 * cannot hold 12000.07 exactly, so an exact-integer test on value × 100 would
 * reject honest amounts; we accept value × 100 within a tolerance of an
 * integer (see ABSOLUTE_FEN_TOLERANCE / RELATIVE_FEN_TOLERANCE for why that
 * neither rejects genuine amounts nor hides a third decimal).
 */
export function fenFromSpreadsheetNumber(value: number): MoneyParse {
  if (!Number.isFinite(value)) return failure('FORMAT');
  if (value < 0) return failure('NEGATIVE');
  const scaled = value * 100;
  const nearestFen = Math.round(scaled);
  if (nearestFen > MAX_FEN_NUMBER) return failure('TOO_LARGE');
  const tolerance = Math.max(ABSOLUTE_FEN_TOLERANCE, scaled * RELATIVE_FEN_TOLERANCE);
  if (Math.abs(scaled - nearestFen) > tolerance) return failure('TOO_MANY_DECIMALS');
  // nearestFen is an integer below 2^53, so the conversion is exact.
  return { ok: true, fen: BigInt(nearestFen) };
}

/** Formats fen as a yuan string with exactly two decimals: 1200050n → '12000.50'. */
export function formatYuan(fen: bigint): string {
  if (fen < 0n) return `-${formatYuan(-fen)}`;
  const yuan = fen / FEN_PER_YUAN;
  const remainder = fen % FEN_PER_YUAN;
  return `${yuan}.${remainder.toString().padStart(2, '0')}`;
}

/** Exact sum of fen amounts; 0n for an empty input. */
export function sumFen(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

/**
 * Reads a fen amount from a database row. node-postgres returns bigint columns
 * and SUM() results as strings (they may exceed 2^53), int4 as numbers, and
 * SUM() over no rows as null, which means nothing owed: 0n. Anything that is
 * not an integer means a schema or query bug, so it throws rather than guess.
 */
export function fenFromDb(value: string | number | null): bigint {
  if (value === null) return 0n;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new Error(`fenFromDb expected an integer number of fen, got ${value}`);
    }
    return BigInt(value);
  }
  if (!INTEGER_TEXT.test(value)) {
    throw new Error(`fenFromDb expected an integer string of fen, got "${value}"`);
  }
  return BigInt(value);
}

function failure(problem: MoneyProblem): MoneyParse {
  return { ok: false, problem };
}
