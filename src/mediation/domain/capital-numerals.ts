import nzh from 'nzh/cn';
import { formatYuan } from '../../common/money/money';

/**
 * An amount in Chinese capital numerals (大写), as an agreement or a receipt writes it so that it
 * cannot be altered: 12,000.00 → 壹万贰仟元整, 12,000.50 → 壹万贰仟元伍角. nzh is the maintained library
 * for this; the amount goes to it as exact yuan text, never as a float.
 */
export function capitalAmount(fen: bigint): string {
  if (fen < 0n) throw new Error('a negative amount has no capital form on an agreement');
  // Whole yuan go in without decimals: nzh adds the 整 ("exactly") only then.
  const yuan = fen % 100n === 0n ? (fen / 100n).toString() : formatYuan(fen);
  return nzh.toMoney(yuan, { outSymbol: false });
}
