import { Injectable } from '@nestjs/common';
import type { CaseStatus } from '../cases/domain/case-status';
import { In } from 'typeorm';
import { FINAL_STATUSES_SQL } from '../cases/domain/case-status';
import type { Tx } from '../database/transactions';
import { CASE_TOTALS_AS_OF_SQL, CASE_TOTALS_SQL, CLAIM_BALANCES_SQL, CaseTotalsRow } from './claim-money.sql';
import { Claim, ClaimKind } from './claim.entity';
import type { ClaimStanding } from './dto/claim.dto';

/** A claim's money as CLAIM_BALANCES_SQL answers it (bigint columns arrive as text). */
export interface ClaimBalanceRow {
  id: string;
  case_id: string;
  claimed_fen: string;
  confirmed_fen: string | null;
  paid_fen: string;
  outstanding_fen: string;
}

/** A claim with its balance and its worker, as the claims list shows it; personal data still sealed. */
export interface ClaimListRow extends ClaimBalanceRow {
  kind: ClaimKind;
  period_start: string | null;
  period_end: string | null;
  note: string | null;
  version: number;
  worker_id: string;
  name: string;
  id_number_sealed: string;
  mobile_sealed: string | null;
  home_province: string | null;
}

/** Which claims of a case the list shows. */
export interface ClaimListFilter {
  /** The worker, by a LIKE pattern on his name or by the lookup hash of his id number. */
  worker?: { namePattern: string; idNumberHash: string };
  standing?: ClaimStanding;
}

export type NewClaim = Pick<
  Claim,
  'caseId' | 'workerId' | 'kind' | 'periodStart' | 'periodEnd' | 'claimedFen' | 'confirmedFen' | 'note'
>;

/** Claims per INSERT: keeps one statement's bind parameters well below PostgreSQL's limit of 65535. */
const CLAIMS_PER_INSERT = 1000;

/** The claims table; its balances are summed from the payouts (read, never written, here). */
/** A worker of a case who also claims in another open case. */
export interface ClaimantElsewhere {
  workerId: string;
  workerName: string;
  caseNumber: string;
  status: CaseStatus;
  /** The other case lies in the caller's scope. */
  visible: boolean;
  /** Null when the other case is outside the caller's scope. */
  caseId: string | null;
}

@Injectable()
export class ClaimsRepository {
  async claimingElsewhere(tx: Tx, caseId: string, scopePath: string): Promise<ClaimantElsewhere[]> {
    return tx.query(
      `SELECT w.id AS "workerId", w.name AS "workerName", other.case_number AS "caseNumber", other.status,
              (o.path LIKE $2 || '%') AS "visible", CASE WHEN o.path LIKE $2 || '%' THEN other.id END AS "caseId"
         FROM claims mine
         JOIN claims theirs ON theirs.worker_id = mine.worker_id AND theirs.case_id <> mine.case_id
         JOIN cases other ON other.id = theirs.case_id AND other.status NOT IN ${FINAL_STATUSES_SQL}
         JOIN organisations o ON o.id = other.organisation_id
         JOIN workers w ON w.id = mine.worker_id
        WHERE mine.case_id = $1
        ORDER BY w.name, other.case_number`,
      [caseId, scopePath],
    );
  }

  /** Those of `workerIds` who already have a claim in the case. */
  async claimantsAmong(tx: Tx, caseId: string, workerIds: string[]): Promise<Set<string>> {
    const claims = await tx.getRepository(Claim).find({
      where: { caseId, workerId: In(workerIds) },
      select: { workerId: true },
    });
    return new Set(claims.map((claim) => claim.workerId));
  }

  async insertClaims(tx: Tx, claims: NewClaim[]): Promise<void> {
    for (let start = 0; start < claims.length; start += CLAIMS_PER_INSERT) {
      await tx.getRepository(Claim).insert(claims.slice(start, start + CLAIMS_PER_INSERT));
    }
  }

  async claimOfCase(tx: Tx, caseId: string, claimId: string): Promise<Claim | null> {
    return tx.getRepository(Claim).findOneBy({ id: claimId, caseId });
  }

  /** Saves a claim loaded with claimOfCase; its version goes up by one. */
  async saveClaim(tx: Tx, claim: Claim): Promise<void> {
    await tx.getRepository(Claim).save(claim);
  }

  /** Sets the confirmed amounts of claims of the case in one statement; claims of other cases are left alone. */
  async setConfirmedAmounts(tx: Tx, caseId: string, amounts: { claimId: string; confirmedFen: bigint }[]): Promise<void> {
    await tx.query(
      `UPDATE claims SET confirmed_fen = v.confirmed_fen, version = version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::bigint[]) AS v(id, confirmed_fen)
        WHERE claims.id = v.id AND claims.case_id = $3`,
      [amounts.map((amount) => amount.claimId), amounts.map((amount) => amount.confirmedFen.toString()), caseId],
    );
  }

  /** One page of a case's claims, by worker name, and how many match in all. */
  async pageOfCase(
    tx: Tx,
    caseId: string,
    filter: ClaimListFilter,
    limit: number,
    offset: number,
  ): Promise<{ total: number; rows: ClaimListRow[] }> {
    const conditions = ['b.case_id = $1'];
    const params: unknown[] = [caseId];
    if (filter.worker) {
      params.push(filter.worker.namePattern, filter.worker.idNumberHash);
      conditions.push(`(w.name ILIKE $${params.length - 1} OR w.id_number_hash = $${params.length})`);
    }
    if (filter.standing === 'unconfirmed') conditions.push('b.confirmed_fen IS NULL');
    if (filter.standing === 'owed') conditions.push('b.outstanding_fen > 0');
    if (filter.standing === 'paid') conditions.push('b.confirmed_fen > 0 AND b.outstanding_fen <= 0');
    const from = `FROM (${CLAIM_BALANCES_SQL} WHERE c.case_id = $1) b
                  JOIN claims c ON c.id = b.id JOIN workers w ON w.id = c.worker_id
                 WHERE ${conditions.join(' AND ')}`;
    const [{ total }]: { total: number }[] = await tx.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows: ClaimListRow[] = await tx.query(
      `SELECT b.*, c.kind, c.period_start, c.period_end, c.note, c.version,
              w.id AS worker_id, w.name, w.id_number_sealed, w.mobile_sealed, w.home_province
         ${from}
        ORDER BY w.name, c.id
        LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { total, rows };
  }

  async rowOfCase(tx: Tx, caseId: string, claimId: string): Promise<ClaimListRow | undefined> {
    const rows: ClaimListRow[] = await tx.query(
      `SELECT b.*, c.kind, c.period_start, c.period_end, c.note, c.version,
              w.id AS worker_id, w.name, w.id_number_sealed, w.mobile_sealed, w.home_province
         FROM (${CLAIM_BALANCES_SQL} WHERE c.id = $1 AND c.case_id = $2) b
         JOIN claims c ON c.id = b.id JOIN workers w ON w.id = c.worker_id`,
      [claimId, caseId],
    );
    return rows[0];
  }

  async balancesOfCase(tx: Tx, caseId: string, claimIds: string[]): Promise<ClaimBalanceRow[]> {
    return tx.query(`${CLAIM_BALANCES_SQL} WHERE c.case_id = $1 AND c.id = ANY($2::uuid[])`, [caseId, claimIds]);
  }

  /** One row per case that has claims; with `paidBy`, counting only payouts made by the end of that day. */
  async caseTotals(tx: Tx, caseIds: string[], paidBy?: string): Promise<CaseTotalsRow[]> {
    return paidBy ? tx.query(CASE_TOTALS_AS_OF_SQL, [caseIds, paidBy]) : tx.query(CASE_TOTALS_SQL, [caseIds]);
  }
}
