import { Injectable } from '@nestjs/common';
import { CLAIM_BALANCES_SQL } from '../claims/claim-money.sql';
import type { Tx } from '../database/transactions';
import type { DayRange } from './domain/legal-clocks';
import {
  CASES_WITH_CLOCKS_FALLING_DUE_SQL,
  CASE_CLOCK_FACTS_SQL,
  CaseClockFactsRow,
  WORKER_CLOCK_FACTS_SQL,
  WorkerClockFactsRow,
} from './legal-clocks.sql';


/** The clocks whose cases are found by the days they started on (the instalments' by the day due). */
export type StartedClock = 'mediation' | 'arbitration_acceptance' | 'arbitration_award' | 'limitation' | 'instalment';

/** The start days to look for, per clock, and how far the payment orders and labour-bureau orders are looked at. */
export type ClockStarts = Record<StartedClock, DayRange | null> & { ordersBy: string | null };

/** A province's amounts of the crime of refusing to pay wages, as stored. */
export interface CriminalThresholdRow {
  province: string;
  individual_fen: string;
  group_fen: string;
  source: string;
}

/** A worker's claim on a case: what is still owed, and the period it covers. */
export interface OutstandingClaimRow {
  outstanding_fen: string;
  period_start: string | null;
  period_end: string | null;
}

/**
 * What the legal clocks read (the dates of cases, their timeline, payouts and claims: read-only
 * joins) and the tables they write: the criminal thresholds, and the legal dates of a case.
 */
@Injectable()
export class LegalClocksRepository {
  /** The dates the law counts from, for each of these cases that exists, as of `today`. */
  caseClockFacts(tx: Tx, caseIds: string[], today: string): Promise<CaseClockFactsRow[]> {
    return tx.query(CASE_CLOCK_FACTS_SQL, [caseIds, today]);
  }

  /** Each worker's claim on these cases, with the dates his limitation year runs from and his money as of `today`. */
  workerClockFacts(tx: Tx, caseIds: string[], today: string): Promise<WorkerClockFactsRow[]> {
    return tx.query(WORKER_CLOCK_FACTS_SQL, [caseIds, today]);
  }

  /**
   * The open cases of a scope that may have a clock falling due, oldest first: for each clock the range
   * of days it must have started on (inclusive; null ends are open; null: not asked about), and the
   * last day a payment order or a labour-bureau order is looked at (null: not at all). `limitation`:
   * found by a start of a worker's limitation year.
   */
  async casesWithClocksFallingDue(tx: Tx, today: string, scopePath: string, starts: ClockStarts): Promise<{ id: string; limitation: boolean }[]> {
    const range = (r: DayRange | null) => (r === null ? ['infinity', '-infinity'] : [r.from ?? '-infinity', r.to ?? 'infinity']);
    return tx.query(CASES_WITH_CLOCKS_FALLING_DUE_SQL, [
      today,
      scopePath,
      ...range(starts.mediation),
      ...range(starts.arbitration_acceptance),
      ...range(starts.arbitration_award),
      ...range(starts.limitation),
      ...range(starts.instalment),
      starts.ordersBy ?? '-infinity',
      starts.ordersBy ?? '-infinity',
    ]);
  }

  criminalThresholds(tx: Tx): Promise<CriminalThresholdRow[]> {
    return tx.query(`SELECT province, individual_fen, group_fen, source FROM criminal_thresholds ORDER BY province`);
  }

  async criminalThresholdOf(tx: Tx, province: string): Promise<CriminalThresholdRow | null> {
    const [row]: CriminalThresholdRow[] = await tx.query(
      `SELECT province, individual_fen, group_fen, source FROM criminal_thresholds WHERE province = $1`,
      [province],
    );
    return row ?? null;
  }

  /** Sets (or replaces) a province's amounts. */
  async upsertCriminalThreshold(tx: Tx, province: string, individualFen: bigint, groupFen: bigint, source: string): Promise<void> {
    await tx.query(
      `INSERT INTO criminal_thresholds (province, individual_fen, group_fen, source) VALUES ($1, $2, $3, $4)
       ON CONFLICT (province) DO UPDATE SET individual_fen = $2, group_fen = $3, source = $4, updated_at = now()`,
      [province, individualFen.toString(), groupFen.toString(), source],
    );
  }

  /** What each claim of the case still owes (the claims' own balance definition), with its period. */
  outstandingClaims(tx: Tx, caseId: string): Promise<OutstandingClaimRow[]> {
    return tx.query(
      `SELECT b.outstanding_fen, c.period_start, c.period_end
         FROM (${CLAIM_BALANCES_SQL} WHERE c.case_id = $1) b JOIN claims c ON c.id = b.id`,
      [caseId],
    );
  }

  /** The day a labour-bureau order told the employer to pay by, and whether the case closed paid in full. */
  async bureauOrderOf(tx: Tx, caseId: string): Promise<{ bureau_order_pay_by: string | null; paid: boolean }> {
    const [order] = await tx.query(
      `SELECT bureau_order_pay_by, (status = 'closed' AND outcome = 'paid_in_full') AS paid FROM cases WHERE id = $1`,
      [caseId],
    );
    return order;
  }
}
