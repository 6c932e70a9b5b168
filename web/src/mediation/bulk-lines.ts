/**
 * What the two bulk forms (confirming amounts, a pay day) share: one line per worker, ticked or not,
 * an amount typed for each, the exact total of the ticked lines, and the API's problems with the
 * request's items put back on the workers' lines. Pure: no React, no requests.
 */
import { yuanToFen } from '../common/money';

/** One worker's line: his claim and the amount typed for him (yuan, as typed). */
export interface AmountLine {
  claimId: string;
  amount: string;
}

/**
 * What a phone's Chinese keyboard may type into an amount: full-width digits and point (１２０００．５),
 * grouping commas and spaces. Read as the API's plain yuan; anything else is left for the API to refuse.
 */
export function normaliseAmount(text: string): string {
  return text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[,，\s]/g, '');
}

export interface TickedTotal {
  /** Lines ticked. */
  count: number;
  /** The exact sum of the readable amounts of the ticked lines, in fen. */
  fen: bigint;
  /** Ticked lines whose amount is not an amount of yuan: while any, the total is not the whole truth. */
  unreadable: number;
}

/** The total of the ticked lines, exact to the fen (BigInt), never through floating point. */
export function tickedTotal(lines: readonly AmountLine[], ticked: ReadonlySet<string>): TickedTotal {
  let fen = 0n;
  let count = 0;
  let unreadable = 0;
  for (const line of lines) {
    if (!ticked.has(line.claimId)) continue;
    count += 1;
    const amount = yuanToFen(normaliseAmount(line.amount));
    if (amount === null) unreadable += 1;
    else fen += amount;
  }
  return { count, fen, unreadable };
}

/** Ticks the given lines (all of them, or the ones a search found), keeping the others as they are. */
export function tick(ticked: ReadonlySet<string>, claimIds: readonly string[]): Set<string> {
  const next = new Set(ticked);
  for (const id of claimIds) next.add(id);
  return next;
}

/** Unticks the given lines, keeping the others as they are. */
export function untick(ticked: ReadonlySet<string>, claimIds: readonly string[]): Set<string> {
  const next = new Set(ticked);
  for (const id of claimIds) next.delete(id);
  return next;
}

export function toggle(ticked: ReadonlySet<string>, claimId: string, on: boolean): Set<string> {
  return on ? tick(ticked, [claimId]) : untick(ticked, [claimId]);
}

/** The lines that stay in sight: all, or those a search found (the API's search by name or id number). */
export function visibleLines<T extends { claimId: string }>(lines: readonly T[], found: ReadonlySet<string> | null): T[] {
  return found ? lines.filter((line) => found.has(line.claimId)) : [...lines];
}

export interface ApiFieldProblem {
  field?: string;
  message: string;
}

export interface ProblemsByLine {
  /** claimId → (the item's field, e.g. `amount` → the API's words). */
  lines: Record<string, Record<string, string>>;
  /** Problems that belong to no line of the request. */
  rest: ApiFieldProblem[];
}

/**
 * The API names a bad line by its place in the request (`items.3.amount`); the form shows it on the
 * worker's line. `claimIds` is the order the request's items were sent in.
 */
export function problemsByLine(claimIds: readonly string[], problems: readonly ApiFieldProblem[], list = 'items'): ProblemsByLine {
  const lines: Record<string, Record<string, string>> = {};
  const rest: ApiFieldProblem[] = [];
  const pattern = new RegExp(`^${list}\\.(\\d+)(?:\\.(.+))?$`);
  for (const problem of problems) {
    const match = problem.field ? pattern.exec(problem.field) : null;
    const claimId = match ? claimIds[Number(match[1])] : undefined;
    if (!match || claimId === undefined) {
      rest.push(problem);
      continue;
    }
    const field = match[2] ?? '';
    const onLine = (lines[claimId] ??= {});
    onLine[field] = onLine[field] ? `${onLine[field]}；${problem.message}` : problem.message;
  }
  return { lines, rest };
}

/**
 * What the form shows above its button: the request's own message and every problem that belongs to
 * no line, in one sentence (null when there is nothing to say).
 */
export function messageBesideLines(message: string | null | undefined, rest: readonly ApiFieldProblem[]): string | null {
  return [message, ...rest.map((problem) => problem.message)].filter(Boolean).join('；') || null;
}
