import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, FieldProblem } from '../errors/app-error';

/**
 * Checks every request's body, query and path before any validation runs, for every route:
 *
 * - Nesting. Validation and class-transformer walk a body recursively, and JSON nested ~1,300 levels
 *   deep (a 2.6 KB body) overflowed the stack: a 500. No request of this API needs more than a few
 *   levels, so anything deeper than MAX_NESTING is refused whole.
 * - Control characters. PostgreSQL refuses NUL in text (a 500), and the other C0 characters are never
 *   typed on purpose: they come from copy and paste and then cannot be found by a search. Tab and line
 *   breaks stay allowed here (a note may have several lines); a name refuses them too (IsName).
 *
 * Runs as a Fastify preValidation hook, so nothing of the request reaches a pipe or the database;
 * errors go through the one exception filter like any other.
 */
export const MAX_NESTING = 32;

/** C0 controls except tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/**
 * Whether a text holds a control character refused everywhere text comes in: request bodies, queries
 * and paths here, a roster file's cells in the roster reader (claims/roster/roster-rows.ts).
 */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

export function registerHostileInputGuard(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request: FastifyRequest) => {
    refuseHostileInput(request);
  });
}

export function refuseHostileInput(request: Pick<FastifyRequest, 'body' | 'query' | 'params'>): void {
  if (nestingOf(request.body) > MAX_NESTING) throw new AppError('REQUEST_TOO_DEEP', { max: MAX_NESTING });
  const problems = [
    ...controlCharacterProblems(request.params),
    ...controlCharacterProblems(request.query),
    ...controlCharacterProblems(request.body),
  ];
  if (problems.length > 0) throw AppError.invalid(problems);
}

/** Depth of a parsed JSON value (a scalar is 0, `{}` and `[]` are 1), without recursion, stopping once too deep. */
export function nestingOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (!isContainer(item)) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_NESTING) return deepest;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** Every string holding a control character, by the dotted path the validation errors use (`claims.0.worker.name`). */
export function controlCharacterProblems(value: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0) {
    const [item, path] = pending.pop()!;
    if (typeof item === 'string') {
      if (hasControlCharacter(item)) problems.push({ field: path === '' ? undefined : path, code: 'CONTROL_CHARACTER' });
    } else if (isContainer(item)) {
      // reversed, so that the problems come out in the order of the fields
      for (const [key, child] of Object.entries(item).reverse()) pending.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return problems;
}

/** Parsed JSON and query objects; an uploaded file arrives as a Buffer and is the roster reader's to check. */
function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Buffer.isBuffer(value);
}
