/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters: registration authority (1), organisation type (1), region
 * code (6), organisation code (9), check character (1). Employers in wage
 * arrears cases are identified by it.
 */

export type CreditCodeProblem = 'FORMAT' | 'CHECK_CHARACTER';

/**
 * GB 32100-2015 §4.2 character set: digits and uppercase letters without
 * I, O, S, V, Z (too easily confused with 1, 0, 5, U, 2). A character's
 * value is its index here, so this string doubles as the value table.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 §5: weights W_i = 3^(i-1) mod 31 for the first 17 positions. */
const CHECK_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const FIRST_17_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{17}$/;

/** Trims and uppercases: codes are often typed or pasted in lowercase. */
export function normalizeCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Returns the problem with an already-normalized code, or null if it is valid. */
export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (!CODE_PATTERN.test(code)) return 'FORMAT';
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return 'CHECK_CHARACTER';
  return null;
}

/**
 * Check character for the first 17 characters (GB 32100-2015 §5, a MOD 31
 * scheme): C18 = charset[(31 - Σ(value_i × W_i) mod 31) mod 31]. The outer
 * mod maps a zero remainder to '0' rather than out of range.
 * Exported so test-data factories can build valid codes.
 */
export function creditCodeCheckCharacter(first17: string): string {
  if (!FIRST_17_PATTERN.test(first17)) {
    throw new Error(`creditCodeCheckCharacter needs 17 GB 32100 characters, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < CHECK_WEIGHTS.length; i++) {
    sum += CHARSET.indexOf(first17[i]) * CHECK_WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}
