import { fenToYuan, yuanToFen } from '../common/money';
import type { Schemas } from '../common/api/client';

/** A worker typed into the intake form (every field text, as typed). */
export interface TypedClaim {
  worker?: { name?: string; idNumber?: string; mobile?: string };
  amountClaimed?: string;
}

type ClaimInput = Schemas['ClaimInputDto'];

/**
 * The claims a new case is opened with: the rows typed by hand (blank ones left out), then the rows of
 * the uploaded roster, in the shape the API takes. `rosterOffset` is where the roster's rows begin, so
 * an error the API reports as `claims.<n>` can be told apart: typed row, or roster row (file line).
 */
export function claimsOfIntake(typed: readonly TypedClaim[], roster: readonly Schemas['RosterClaimView'][]): { claims: ClaimInput[]; rosterOffset: number } {
  const fromForm: ClaimInput[] = typed
    .filter((row) => row.worker?.name?.trim() || row.worker?.idNumber?.trim() || row.amountClaimed?.trim())
    .map((row) => ({
      worker: {
        name: row.worker?.name?.trim() ?? '',
        idNumber: row.worker?.idNumber?.trim() ?? '',
        ...(row.worker?.mobile?.trim() && { mobile: row.worker.mobile.trim() }),
      },
      kind: 'wages',
      amountClaimed: row.amountClaimed?.trim() ?? '',
    }));
  const fromRoster: ClaimInput[] = roster.map(({ row: _row, worker, ...claim }) => ({
    ...claim,
    worker: {
      name: worker.name,
      idNumber: worker.idNumber,
      ...(worker.mobile && { mobile: worker.mobile }),
      ...(worker.homeProvince && { homeProvince: worker.homeProvince }),
    },
  }));
  return { claims: [...fromForm, ...fromRoster], rosterOffset: fromForm.length };
}

/** The total claimed by typed rows and roster together; null while a typed amount is not yet an amount. */
export function totalClaimed(claims: readonly ClaimInput[]): string | null {
  let total = 0n;
  for (const claim of claims) {
    const fen = yuanToFen(claim.amountClaimed);
    if (fen === null) return null;
    total += fen;
  }
  return fenToYuan(total);
}

/** An API field path of a new case's claims, `claims.<n>.<rest>`: its index and the rest of the path. */
export function claimIndexOf(field: string | undefined): { index: number; rest: string } | null {
  const match = /^claims\.(\d+)(?:\.(.*))?$/.exec(field ?? '');
  return match ? { index: Number(match[1]), rest: match[2] ?? '' } : null;
}
