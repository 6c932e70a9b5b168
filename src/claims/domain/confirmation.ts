/**
 * What a confirmed amount must respect. Pure: the balances come in as data.
 */
import { AppError, FieldProblem } from '../../common/errors/app-error';
import { formatYuan } from '../../common/money/money';

export interface ConfirmationLine {
  /** Item number in the request, from 1; absent when one claim is edited. */
  row?: number;
  /** The field the clerk typed the amount in, e.g. 'amountConfirmed' or 'items.3.amountConfirmed'. */
  field: string;
  confirmedFen: bigint;
  paidFen: bigint;
}

/**
 * A worker's confirmed amount can never fall below what he has already been paid: the ledger is
 * append-only, so the money stays paid. One rule (409 CONFIRMED_BELOW_PAID, each line named) for
 * editing one claim and confirming a whole roster alike.
 */
export function assertConfirmedCoversPaid(lines: ConfirmationLine[]): void {
  const below = lines.filter((line) => line.confirmedFen < line.paidFen);
  if (below.length === 0) return;
  const problems: FieldProblem[] = below.map((line) => ({
    ...(line.row !== undefined && { row: line.row }),
    field: line.field,
    code: 'TOO_SMALL',
    params: { min: formatYuan(line.paidFen) },
  }));
  const [first] = below;
  throw new AppError('CONFIRMED_BELOW_PAID', { confirmed: formatYuan(first.confirmedFen), paid: formatYuan(first.paidFen) }, problems);
}
