import { fenFromDb } from '../common/money/money';
import { CaseTotals, NO_CLAIMS } from '../cases/domain/case-totals';

/**
 * The money of claims, summed from the payout ledger. One definition, used by the case view, the
 * case list, the lifecycle guards and the payout checks:
 *   paid        = sum of the claim's payouts (a correction's reversal is a negative entry: the sum is net of it)
 *   outstanding = confirmed − paid, or claimed − paid while nothing is confirmed yet
 *   fully paid  = confirmed, more than zero, and paid in full
 */
export const CLAIM_BALANCES_SQL = `
  SELECT c.id, c.case_id, c.claimed_fen, c.confirmed_fen,
         COALESCE(p.paid_fen, 0) AS paid_fen,
         COALESCE(c.confirmed_fen, c.claimed_fen) - COALESCE(p.paid_fen, 0) AS outstanding_fen
    FROM claims c
    LEFT JOIN LATERAL (SELECT SUM(amount_fen) AS paid_fen FROM payouts WHERE claim_id = c.id) p ON true`;

/**
 * The same balances for every claim of many cases at once, with the period each claim covers: their
 * payouts summed in one pass instead of one lookup per claim. `caseIds` is a SQL expression of type
 * uuid[]: a bound parameter, or an array built earlier in the same statement; `paidBy`, when given,
 * a SQL expression of type date: the balances as they stood at the end of that day.
 */
export function claimBalancesOfCasesSql(caseIds: string, paidBy?: string): string {
  return `
  WITH paid AS (
    SELECT claim_id, SUM(amount_fen) AS paid_fen FROM payouts
     WHERE case_id = ANY(${caseIds})${paidBy ? ` AND paid_on <= ${paidBy}` : ''}
     GROUP BY claim_id
  )
  SELECT c.id, c.case_id, c.claimed_fen, c.confirmed_fen, c.period_start, c.period_end,
         COALESCE(paid.paid_fen, 0) AS paid_fen,
         COALESCE(c.confirmed_fen, c.claimed_fen) - COALESCE(paid.paid_fen, 0) AS outstanding_fen
    FROM claims c LEFT JOIN paid ON paid.claim_id = c.id
   WHERE c.case_id = ANY(${caseIds})`;
}

/**
 * The days money reached each claim of many cases, with how much, net of corrections (冲正): a reversal
 * takes back its payout on the same claim and day (migrations/1766600000000), so a claim's money on a
 * day is what its standing payouts add up to, and a day whose payouts were all taken back is no pay day.
 * What counts a payment as an event (the legal clocks' first and last payments, the instalments an
 * agreement's payouts meet) reads these days, never single ledger rows. `caseIds` as above.
 */
export function claimPayDaysSql(caseIds: string): string {
  return `
    SELECT case_id, claim_id, paid_on, SUM(amount_fen) AS amount_fen FROM payouts
     WHERE case_id = ANY(${caseIds})
     GROUP BY case_id, claim_id, paid_on
    HAVING SUM(amount_fen) > 0`;
}

/** Per case: workers, claimed, confirmed, paid, outstanding, and who is still owed; `paidBy` as above. */
export function caseTotalsSql(caseIds: string, paidBy?: string): string {
  return `
  WITH balances AS (${claimBalancesOfCasesSql(caseIds, paidBy)})
  SELECT case_id,
         count(*)::int                                                            AS workers,
         SUM(claimed_fen)::text                                                   AS claimed_fen,
         COALESCE(SUM(confirmed_fen), 0)::text                                    AS confirmed_fen,
         SUM(paid_fen)::text                                                      AS paid_fen,
         SUM(outstanding_fen)::text                                               AS outstanding_fen,
         count(*) FILTER (WHERE confirmed_fen IS NULL)::int                       AS unconfirmed,
         count(*) FILTER (WHERE outstanding_fen > 0)::int                         AS workers_owed,
         count(*) FILTER (WHERE confirmed_fen > 0 AND paid_fen >= confirmed_fen)::int AS workers_fully_paid
    FROM balances
   GROUP BY case_id`;
}

export const CASE_TOTALS_SQL = caseTotalsSql('$1::uuid[]');
export const CASE_TOTALS_AS_OF_SQL = caseTotalsSql('$1::uuid[]', '$2::date');

export interface CaseTotalsRow {
  case_id: string;
  workers: number;
  claimed_fen: string;
  confirmed_fen: string;
  paid_fen: string;
  outstanding_fen: string;
  unconfirmed: number;
  workers_owed: number;
  workers_fully_paid: number;
}

export function caseTotalsFromRow(row: CaseTotalsRow | undefined): CaseTotals {
  if (!row) return NO_CLAIMS;
  return {
    count: row.workers,
    unconfirmedCount: row.unconfirmed,
    claimedFen: fenFromDb(row.claimed_fen),
    confirmedFen: fenFromDb(row.confirmed_fen),
    paidFen: fenFromDb(row.paid_fen),
    outstandingFen: fenFromDb(row.outstanding_fen),
    workersOwed: row.workers_owed,
    workersFullyPaid: row.workers_fully_paid,
  };
}
