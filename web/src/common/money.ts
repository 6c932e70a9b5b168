/**
 * Money in the client: the API speaks yuan as decimal strings ("12000.50"); sums are made in integer
 * fen (BigInt) and turned back into strings, never through a floating-point number of yuan.
 */

const YUAN_PATTERN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** "12000.5" → 1200050n; null when the text is not an amount of yuan with at most two decimals. */
export function yuanToFen(text: string): bigint | null {
  const match = YUAN_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, whole, decimals = ''] = match;
  return BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0'));
}

/** 1200050n → "12000.50", the API's own form. */
export function fenToYuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const absolute = fen < 0n ? -fen : fen;
  return `${sign}${absolute / 100n}.${(absolute % 100n).toString().padStart(2, '0')}`;
}

/** "1234567.8" → "1,234,567.80" for reading; the API's strings are shown through this. */
export function formatYuan(yuan: string | bigint): string {
  const fen = typeof yuan === 'bigint' ? yuan : yuanToFen(yuan.replace(/^-/, ''));
  if (fen === null) return yuan as string;
  const negative = typeof yuan === 'bigint' ? yuan < 0n : yuan.startsWith('-');
  const plain = fenToYuan(fen < 0n ? -fen : fen);
  const [whole, decimals] = plain.split('.');
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${decimals}`;
}

/** The exact sum of yuan strings; any unreadable one makes the sum unknown (null). */
export function sumYuan(amounts: readonly string[]): string | null {
  let total = 0n;
  for (const amount of amounts) {
    const fen = yuanToFen(amount);
    if (fen === null) return null;
    total += fen;
  }
  return fenToYuan(total);
}
