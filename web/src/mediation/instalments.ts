/**
 * The agreement form's instalments (of the agreed total): their exact sum, and a total split evenly
 * over them to the fen. Pure functions.
 */
import type { Schemas } from '../common/api/client';
import { fenToYuan, yuanToFen } from '../common/money';
import { normaliseAmount } from './bulk-lines';

type InstalmentItem = Schemas['AgreementDto']['instalments'][number];

export interface InstalmentLine {
  /** Stable across adding and removing lines (React's key), not sent. */
  key: string;
  dueOn: string;
  amount: string;
}

/** `total` in `parts` amounts that add up to it exactly; the fen left over by the division go to the last. */
export function splitEvenly(totalFen: bigint, parts: number): bigint[] {
  if (parts < 1) return [];
  const share = totalFen / BigInt(parts);
  const amounts = Array.from({ length: parts }, () => share);
  amounts[parts - 1] += totalFen - share * BigInt(parts);
  return amounts;
}

/** The lines' amounts replaced by an even split of `totalFen`; their days are kept. */
export function spreadOver<T extends InstalmentLine>(lines: readonly T[], totalFen: bigint): T[] {
  const amounts = splitEvenly(totalFen, lines.length);
  return lines.map((line, index) => ({ ...line, amount: fenToYuan(amounts[index]) }));
}

/** The agreed total (the sum of the instalments), or null while an amount is not an amount of yuan. */
export function instalmentsTotal(lines: readonly InstalmentLine[]): bigint | null {
  let total = 0n;
  for (const line of lines) {
    const fen = yuanToFen(normaliseAmount(line.amount));
    if (fen === null) return null;
    total += fen;
  }
  return total;
}

export function agreementInstalments(lines: readonly InstalmentLine[]): InstalmentItem[] {
  return lines.map((line) => ({ dueOn: line.dueOn, amount: normaliseAmount(line.amount) }));
}
