import { validateSync } from 'class-validator';
import { FieldProblem } from '../../common/errors/app-error';
import { hasControlCharacter } from '../../common/http/hostile-input';
import { flattenValidationErrors } from '../../common/http/validation';
import { fenFromSpreadsheetNumber, formatYuan } from '../../common/money/money';
import { ClaimInput, batchProblems, toClaimInput } from '../claim-input';
import { ClaimInputDto } from '../dto/claim.dto';
import { WorkerInputDto } from '../../workers/dto/worker.dto';
import { inRosterOrder } from './roster-order';
import { ROSTER_FIELDS, RawCell, RawRosterRow, RosterField } from './roster-reader';
import { allowedKinds, kindOfWord, languageOf, provinceOfWord } from './roster-words';

/**
 * Turns roster rows into claims, or into the full list of what is wrong with them: every row is
 * checked, so the clerk can correct the whole file in one pass.
 */
export function claimsFromRoster(rows: RawRosterRow[]): { inputs: ClaimInput[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const inputs: ClaimInput[] = [];
  if (rows.length === 0) return { inputs, problems: [{ code: 'EMPTY_ROSTER' }] };

  for (const raw of rows) {
    const rowProblems: FieldProblem[] = raw.unknownKeys.map((key) => ({ row: raw.row, field: key, code: 'UNKNOWN_FIELD' }));
    const plain = toPlainClaim(withoutControlCharacters(raw, rowProblems), rowProblems);
    const dto = claimInputDto(plain);
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    for (const problem of flattenValidationErrors(errors)) {
      const field = problem.field?.replace(/^worker\./, '');
      if (!rowProblems.some((p) => p.field === field)) rowProblems.push({ ...problem, row: raw.row, field });
    }
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else inputs.push(toClaimInput(dto, raw.row));
  }
  problems.push(...batchProblems(inputs, (_, field) => field));
  return { inputs: inRosterOrder(inputs, rows), problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
}

/**
 * A cell holding a control character is refused as it is, by the rule every request body follows
 * (common/http/hostile-input.ts): PostgreSQL refuses NUL in text (a 500), and the others come from copy
 * and paste and make a name or a note impossible to find. The cell is then left out, so that the row is
 * not also told that the same cell is, say, not a mobile number. Only the columns read are checked: the
 * others (签名…) are never stored.
 */
function withoutControlCharacters(raw: RawRosterRow, problems: FieldProblem[]): RawRosterRow {
  const cells = { ...raw.cells };
  for (const field of ROSTER_FIELDS) {
    const cell = cells[field];
    if (typeof cell === 'string' && hasControlCharacter(cell)) {
      problems.push({ row: raw.row, field, code: 'CONTROL_CHARACTER' });
      delete cells[field];
    }
  }
  return { ...raw, cells };
}

/**
 * The row as the DTO the JSON API validates, built directly: its shape is fixed by toPlainClaim (values,
 * and the worker nested), so class-transformer's plainToInstance had nothing to transform, and its
 * generic walk of every row cost about a tenth of reading a roster.
 */
function claimInputDto(plain: PlainClaim): ClaimInputDto {
  return Object.assign(new ClaimInputDto(), plain, { worker: Object.assign(new WorkerInputDto(), plain.worker) });
}

type PlainClaim = Record<string, unknown> & { worker: Record<string, unknown> };

/** Spreadsheet cells come as numbers, dates or text; the DTO wants text, as the JSON API does. */
function toPlainClaim(raw: RawRosterRow, problems: FieldProblem[]): PlainClaim {
  const text = (field: RosterField) => textOf(raw.cells[field]);
  const idCell = raw.cells.idNumber;
  if (typeof idCell === 'number') {
    problems.push({ row: raw.row, field: 'idNumber', code: 'ID_NUMBER_AS_SPREADSHEET_NUMBER' });
  }
  const kindText = text('kind');
  const kind = kindText === undefined ? undefined : kindOfWord(kindText);
  if (kind === null) {
    // answered in the words of the file (工资、劳务费、其他), not in the API's codes
    const allowed = allowedKinds(languageOf(raw.headings?.kind, kindText!));
    problems.push({ row: raw.row, field: 'kind', code: 'NOT_ONE_OF', params: { allowed } });
  }
  const homeProvince = text('homeProvince');
  return omitEmpty({
    worker: omitEmpty({
      name: text('name'),
      idNumber: typeof idCell === 'number' ? undefined : text('idNumber')?.toUpperCase(),
      mobile: text('mobile'),
      homeProvince: homeProvince === undefined ? undefined : provinceOfWord(homeProvince),
    }),
    kind: kind ?? kindText,
    periodStart: dateOf(raw.cells.periodStart),
    periodEnd: dateOf(raw.cells.periodEnd),
    amountClaimed: amountOf(raw.cells.amountClaimed),
    amountConfirmed: amountOf(raw.cells.amountConfirmed),
    note: text('note'),
  });
}

function textOf(cell: RawCell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const value = cell instanceof Date ? cell.toISOString() : String(cell).trim();
  return value === '' ? undefined : value;
}

/** Excel keeps a date as a day at UTC midnight; the calendar day is its UTC date. */
function dateOf(cell: RawCell | undefined): unknown {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'string') {
    // 2026/3/1 and 2026.3.1 are how dates are typed by hand; write them as 2026-03-01.
    const parts = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(cell.trim());
    return parts ? `${parts[1]}-${parts[2].padStart(2, '0')}-${parts[3].padStart(2, '0')}` : cell.trim() || undefined;
  }
  return cell ?? undefined;
}

/** A number cell is an amount in yuan held as a double; keep it only if it is exact to the fen. */
function amountOf(cell: RawCell | undefined): unknown {
  if (typeof cell === 'number') {
    const parsed = fenFromSpreadsheetNumber(cell);
    return parsed.ok ? formatYuan(parsed.fen) : `${cell}`;
  }
  return typeof cell === 'string' ? cell.trim().replace(/^[¥￥]/, '') || undefined : (cell ?? undefined);
}

function omitEmpty<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
