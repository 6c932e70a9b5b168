import type { FieldProblem } from '../../common/errors/app-error';

/**
 * What a worker's id number may tell a user: the one place this is decided.
 *
 * Within the user's scope (the worker has a claim in a case of the scope, or no claim anywhere yet:
 * workers.repository.ts) the answers help the clerk: the name the number is registered to, the other
 * cases' numbers, the worker's record. Outside it, anyone who knows an id number could otherwise learn
 * the worker's name and another district's case numbers, so the number tells at most that the worker
 * is registered and claiming elsewhere: no name, no case number, no status, no id. Its keyed hash is
 * shown to no one, in scope or not (src/database/database-errors.ts withholds it from a 409).
 */

/** An id number given with another name than the one it is registered to. */
export function nameMismatchProblem(
  registeredName: string,
  inScope: boolean,
  where: Pick<FieldProblem, 'field' | 'row'>,
): FieldProblem {
  return inScope
    ? { ...where, code: 'NAME_MISMATCH', params: { registered: registeredName } }
    : { ...where, code: 'NAME_MISMATCH_OUTSIDE_SCOPE' };
}

/** The details of ID_NUMBER_TAKEN: the worker already registered, to open his record, within scope only. */
export function idNumberTakenDetails(workerId: string, inScope: boolean): Record<string, string> {
  return inScope ? { workerId } : {};
}

/** A worker of the caller's case who also claims in another open case, as found. */
export interface OtherClaim<Status extends string = string> {
  workerId: string;
  workerName: string;
  caseNumber: string;
  status: Status;
  /** The other case lies in the caller's scope. */
  visible: boolean;
  caseId: string | null;
}

/** As told: an other case outside the caller's scope says only that the worker claims elsewhere. */
export interface OtherClaimTold<Status extends string = string> {
  workerId: string;
  workerName: string;
  caseNumber: string | null;
  status: Status | null;
  visible: boolean;
  caseId: string | null;
}

/**
 * The other claims as the caller may be told them, worker by worker in the order given: those in scope
 * whole, then one entry at most for all his cases outside it, so neither their numbers nor how many
 * there are is told. The worker's name is of the caller's own case, so it is his to see.
 */
export function otherClaimsTold<Status extends string>(found: OtherClaim<Status>[]): OtherClaimTold<Status>[] {
  const byWorker = new Map<string, { inScope: OtherClaimTold<Status>[]; elsewhere: OtherClaimTold<Status> | null }>();
  for (const claim of found) {
    const told = byWorker.get(claim.workerId) ?? { inScope: [], elsewhere: null };
    byWorker.set(claim.workerId, told);
    if (claim.visible) told.inScope.push({ ...claim });
    else {
      const { workerId, workerName } = claim;
      told.elsewhere = { workerId, workerName, caseNumber: null, status: null, visible: false, caseId: null };
    }
  }
  return [...byWorker.values()].flatMap(({ inScope, elsewhere }) => (elsewhere ? [...inScope, elsewhere] : inScope));
}
