import { FieldProblem } from '../common/errors/app-error';
import { normalizeResidentId } from '../common/identifiers/resident-id';
import { parseYuan } from '../common/money/money';
import { WorkerInput } from '../workers/workers.service';
import { ClaimKind } from './claim.record';
import { ClaimInputDto } from './dto/claim.dto';

/** One worker's claim as the service handles it: validated, amounts in fen. */
export interface ClaimInput {
  /** Where it came from, for error messages: the roster row or the item number. */
  row: number;
  worker: WorkerInput;
  kind: ClaimKind;
  periodStart: string | null;
  periodEnd: string | null;
  claimedFen: bigint;
  confirmedFen: bigint | null;
  note: string | null;
}

/** Converts a validated DTO (amounts already known to parse). */
export function toClaimInput(dto: ClaimInputDto, row: number): ClaimInput {
  return {
    row,
    worker: { ...dto.worker, idNumber: normalizeResidentId(dto.worker.idNumber) },
    kind: dto.kind ?? 'wages',
    periodStart: dto.periodStart ?? null,
    periodEnd: dto.periodEnd ?? null,
    claimedFen: fen(dto.amountClaimed),
    confirmedFen: dto.amountConfirmed === undefined ? null : fen(dto.amountConfirmed),
    note: dto.note?.trim() || null,
  };
}

export function fen(yuan: string): bigint {
  const parsed = parseYuan(yuan);
  if (!parsed.ok) throw new Error(`amount passed validation but does not parse: ${yuan}`);
  return parsed.fen;
}

/**
 * Checks across the whole batch that single-field validation cannot see: an unpaid period that ends
 * before it starts, and the same worker twice. `fieldOf` names the field as the caller's input does.
 */
export function batchProblems(
  inputs: ClaimInput[],
  fieldOf: (input: ClaimInput, field: 'periodEnd' | 'idNumber') => string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const firstRowOf = new Map<string, number>();
  for (const input of inputs) {
    if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart) {
      problems.push({ row: input.row, field: fieldOf(input, 'periodEnd'), code: 'PERIOD_ENDS_BEFORE_START' });
    }
    const first = firstRowOf.get(input.worker.idNumber);
    if (first === undefined) firstRowOf.set(input.worker.idNumber, input.row);
    else {
      problems.push({
        row: input.row,
        field: fieldOf(input, 'idNumber'),
        code: 'DUPLICATE_IN_REQUEST',
        params: { other: first },
      });
    }
  }
  return problems;
}
