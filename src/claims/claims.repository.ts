import { Injectable } from '@nestjs/common';
import type { CaseStatus } from '../cases/domain/case-status';
import { FINAL_STATUSES_SQL } from '../cases/domain/case-status';
import { fenFromDb } from '../common/money/money';
import type { Tx } from '../database/transactions';
import { CASE_TOTALS_AS_OF_SQL, CASE_TOTALS_SQL, CLAIM_BALANCES_SQL, CaseTotalsRow } from './claim-money.sql';
import type { Claim, ClaimKind } from './claim.record';
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
  position: number;
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

/**
 * Claims per INSERT. One statement takes one array per column whatever the number of rows; the chunks
 * keep each statement (and the case facts and audit rows its triggers write) to a bounded size.
 */
const CLAIMS_PER_INSERT = 1000;

/** A claim as the claims table holds it, before its money is turned into bigint. */
interface ClaimDbRow extends Omit<Claim, 'claimedFen' | 'confirmedFen'> {
  claimedFen: string;
  confirmedFen: string | null;
}

/** Every column of a claim, named as the Claim fields. */
const CLAIM_COLUMNS = `id, case_id AS "caseId", worker_id AS "workerId", kind, period_start AS "periodStart",
       period_end AS "periodEnd", claimed_fen AS "claimedFen", confirmed_fen AS "confirmedFen", note,
       knew_on AS "knewOn", employment_ongoing AS "employmentOngoing", employment_ended_on AS "employmentEndedOn",
       position, version, created_at AS "createdAt", updated_at AS "updatedAt"`;

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
        ORDER BY mine.position, other.case_number`,
      [caseId, scopePath],
    );
  }

  /** Those of `workerIds` who already have a claim in the case. */
  /** The claim of one worker (by his id number's keyed hash) on a case, if he has one. */
  async claimOfWorker(tx: Tx, caseId: string, idNumberHash: string): Promise<string | null> {
    const [row]: { id: string }[] = await tx.query(
      `SELECT c.id FROM claims c JOIN workers w ON w.id = c.worker_id WHERE c.case_id = $1 AND w.id_number_hash = $2`,
      [caseId, idNumberHash],
    );
    return row?.id ?? null;
  }

  async claimantsAmong(tx: Tx, caseId: string, workerIds: string[]): Promise<Set<string>> {
    const rows: { workerId: string }[] = await tx.query(
      `SELECT worker_id AS "workerId" FROM claims WHERE case_id = $1 AND worker_id = ANY($2::uuid[])`,
      [caseId, workerIds],
    );
    return new Set(rows.map((row) => row.workerId));
  }

  /**
   * One statement per chunk; id, version (1), the employment fields and the timestamps take their defaults.
   * The claims take the next positions of their case in the order given, after the case's last one. The
   * caller holds the case's lock (or has just created the case), so no other transaction is adding to
   * it meanwhile; each chunk's statement sees the chunks before it. Should a path ever forget the lock,
   * claims_case_position_key refuses the second writer rather than letting two claims share a place.
   *
   * Each case's last position is read once, before the first row is written (the sort under the window
   * function takes in every row first). Read per row as the rows went in, it walked back through the
   * index entries of the rows this statement had already written, each invisible to it and checked in
   * the table: 245,000 such checks for 700 claims, half the time of a roster on the server.
   */
  async insertClaims(tx: Tx, claims: NewClaim[]): Promise<void> {
    for (let start = 0; start < claims.length; start += CLAIMS_PER_INSERT) {
      const chunk = claims.slice(start, start + CLAIMS_PER_INSERT);
      await tx.query(
        `WITH v AS MATERIALIZED (
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::date[], $6::bigint[], $7::bigint[], $8::text[])
                  WITH ORDINALITY AS v(case_id, worker_id, kind, period_start, period_end, claimed_fen, confirmed_fen, note, ord)),
         last AS MATERIALIZED (
           SELECT d.case_id, (SELECT max(c.position) FROM claims c WHERE c.case_id = d.case_id) AS position
             FROM (SELECT DISTINCT case_id FROM v) d)
         INSERT INTO claims (case_id, worker_id, kind, period_start, period_end, claimed_fen, confirmed_fen, note, position)
         SELECT v.case_id, v.worker_id, v.kind, v.period_start, v.period_end, v.claimed_fen, v.confirmed_fen, v.note,
                COALESCE(last.position, 0) + row_number() OVER (PARTITION BY v.case_id ORDER BY v.ord)
           FROM v LEFT JOIN last ON last.case_id = v.case_id`,
        [
          chunk.map((claim) => claim.caseId),
          chunk.map((claim) => claim.workerId),
          chunk.map((claim) => claim.kind),
          chunk.map((claim) => claim.periodStart),
          chunk.map((claim) => claim.periodEnd),
          chunk.map((claim) => claim.claimedFen.toString()),
          chunk.map((claim) => (claim.confirmedFen === null ? null : claim.confirmedFen.toString())),
          chunk.map((claim) => claim.note),
        ],
      );
    }
  }

  async claimOfCase(tx: Tx, caseId: string, claimId: string): Promise<Claim | null> {
    const rows: ClaimDbRow[] = await tx.query(`SELECT ${CLAIM_COLUMNS} FROM claims WHERE id = $1 AND case_id = $2`, [
      claimId,
      caseId,
    ]);
    if (rows.length === 0) return null;
    const { claimedFen, confirmedFen, ...rest } = rows[0];
    return { ...rest, claimedFen: fenFromDb(claimedFen), confirmedFen: confirmedFen === null ? null : fenFromDb(confirmedFen) };
  }

  /**
   * Saves the changes made to a claim loaded with claimOfCase: when any field differs from the row, its
   * version goes up by one and updated_at becomes now(), and the claim object takes the new values. An
   * unchanged claim is not written at all (its version stays), as TypeORM's save did. The caller holds
   * the case's lock, so the row cannot change between the load and this write.
   */
  async saveClaim(tx: Tx, claim: Claim): Promise<void> {
    // UPDATE answers [rows, count]
    const [rows]: [{ version: number; updatedAt: Date }[], number] = await tx.query(
      `UPDATE claims
          SET kind = $2, period_start = $3, period_end = $4, claimed_fen = $5, confirmed_fen = $6, note = $7,
              knew_on = $8, employment_ongoing = $9, employment_ended_on = $10,
              version = version + 1, updated_at = now()
        WHERE id = $1
          AND (kind, period_start, period_end, claimed_fen, confirmed_fen, note, knew_on, employment_ongoing, employment_ended_on)
              IS DISTINCT FROM ($2::text, $3::date, $4::date, $5::bigint, $6::bigint, $7::text, $8::date, $9::boolean, $10::date)
       RETURNING version, updated_at AS "updatedAt"`,
      [
        claim.id,
        claim.kind,
        claim.periodStart,
        claim.periodEnd,
        claim.claimedFen.toString(),
        claim.confirmedFen === null ? null : claim.confirmedFen.toString(),
        claim.note,
        claim.knewOn,
        claim.employmentOngoing,
        claim.employmentEndedOn,
      ],
    );
    if (rows.length === 1) {
      claim.version = rows[0].version;
      claim.updatedAt = rows[0].updatedAt;
    }
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

  /** One page of a case's claims, in the case's order (the roster's), and how many match in all. */
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
      `SELECT b.*, c.position, c.kind, c.period_start, c.period_end, c.note, c.version,
              w.id AS worker_id, w.name, w.id_number_sealed, w.mobile_sealed, w.home_province
         ${from}
        ORDER BY c.position
        LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { total, rows };
  }

  async rowOfCase(tx: Tx, caseId: string, claimId: string): Promise<ClaimListRow | undefined> {
    const rows: ClaimListRow[] = await tx.query(
      `SELECT b.*, c.position, c.kind, c.period_start, c.period_end, c.note, c.version,
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
