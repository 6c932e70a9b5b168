import { Injectable } from '@nestjs/common';
import { CLAIM_BALANCES_SQL } from '../claims/claim-money.sql';
import type { Tx } from '../database/transactions';
import type { ClockKind, DayRange, HoldingDays } from './domain/legal-clocks';
import {
  CASES_TO_RECOMPUTE_SQL,
  PENDING_FALLING_DUE_SQL,
  PendingFallingDueRow,
  CASE_CLOCK_FACTS_SQL,
  CaseClockFactsRow,
  DELETE_PENDING_DEADLINES_SQL,
  INSERT_PENDING_DEADLINES_SQL,
  LOCK_CASE_CLOCKS_SQL,
  MARK_CASE_CLOCKS_COMPUTED_SQL,
  MARK_OPEN_CASES_STALE_SQL,
  PENDING_COUNT_SQL,
  PENDING_PAGE_SQL,
  PendingRow,
  RECORD_CALENDAR_SQL,
  WORKER_CLOCK_FACTS_SQL,
  WorkerClockFactsRow,
} from './legal-clocks.sql';

/** A case's running deadlines as just computed, to be stored, with the days they hold for. */
export interface ComputedPending {
  caseId: string;
  /** The case's mark as read before its facts were (CASES_TO_RECOMPUTE_SQL). */
  mark: string;
  holds: HoldingDays;
  deadlines: { position: number; clock: string; subject: string; dueOn: string }[];
}

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
 * joins) and the tables they write: the criminal thresholds, and the running deadlines they store
 * (pending_deadlines, case_clocks).
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

  /** Records the calendar the stored deadlines are counted with; when it is another than before, every open case is marked stale. */
  async recordCalendar(tx: Tx, fingerprint: string): Promise<boolean> {
    const changed: unknown[] = await tx.query(RECORD_CALENDAR_SQL, [fingerprint]);
    if (changed.length > 0) await tx.query(MARK_OPEN_CASES_STALE_SQL);
    return changed.length > 0;
  }

  /** The cases whose stored running deadlines must be computed again before they are read for `today`, with their marks. */
  casesToRecompute(tx: Tx, today: string): Promise<{ case_id: string; mark: string }[]> {
    return tx.query(CASES_TO_RECOMPUTE_SQL, [today]);
  }

  /** Stores the running deadlines just computed of some cases, in place of what was stored, but for cases being written meanwhile. */
  async storePending(tx: Tx, justComputed: ComputedPending[]): Promise<void> {
    const locked: { case_id: string }[] = await tx.query(LOCK_CASE_CLOCKS_SQL, [justComputed.map((c) => c.caseId)]);
    const lockedIds = new Set(locked.map((row) => row.case_id));
    const computed = justComputed.filter((c) => lockedIds.has(c.caseId));
    if (computed.length === 0) return;
    const ids = computed.map((c) => c.caseId);
    await tx.query(DELETE_PENDING_DEADLINES_SQL, [ids]);
    const rows = computed.flatMap((c) => c.deadlines.map((d) => ({ caseId: c.caseId, ...d })));
    if (rows.length > 0) {
      await tx.query(INSERT_PENDING_DEADLINES_SQL, [
        rows.map((r) => r.caseId),
        rows.map((r) => r.position),
        rows.map((r) => r.clock),
        rows.map((r) => r.subject),
        rows.map((r) => r.dueOn),
      ]);
    }
    await tx.query(MARK_CASE_CLOCKS_COMPUTED_SQL, [ids, computed.map((c) => c.mark), computed.map((c) => c.holds.from), computed.map((c) => c.holds.until)]);
  }

  /** How many stored running deadlines of the open cases of a scope are due by `by` or overdue. */
  async pendingCount(tx: Tx, scopePath: string, by: string): Promise<number> {
    const [{ total }] = await tx.query(PENDING_COUNT_SQL, [scopePath, by]);
    return total;
  }

  /** A page of them, soonest first. */
  pendingPage(tx: Tx, scopePath: string, by: string, offset: number, limit: number): Promise<PendingRow[]> {
    return tx.query(PENDING_PAGE_SQL, [scopePath, by, offset, limit]);
  }

  /** The stored running deadlines of the open cases due within their clock's window, oldest cases first. */
  pendingFallingDue(tx: Tx, windows: Partial<Record<ClockKind, DayRange>>): Promise<PendingFallingDueRow[]> {
    const asked = Object.entries(windows).filter((entry): entry is [ClockKind, DayRange] => entry[1] !== undefined);
    return tx.query(PENDING_FALLING_DUE_SQL, [
      asked.map(([clock]) => clock),
      asked.map(([, window]) => window.from ?? '-infinity'),
      asked.map(([, window]) => window.to ?? 'infinity'),
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
