import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import type { CorrectionStatus, Replacement } from './domain/correction-rules';
import type { Payout } from './payout.record';

export type NewPayout = Pick<
  Payout,
  'caseId' | 'claimId' | 'amountFen' | 'paidOn' | 'payerKind' | 'channel' | 'receiptReference' | 'batchId' | 'recordedById'
> &
  Partial<Pick<Payout, 'correctionId' | 'reversesPayoutId' | 'heldIn'>>;

/** Which payouts of a case the list shows. */
export interface PayoutListFilter {
  claimId?: string;
  paidOn?: string;
}

/** A payout as the payouts list reads it, with the name of the worker it was paid to. */
export interface PayoutListRow {
  id: string;
  case_id: string;
  claim_id: string;
  amount_fen: string;
  paid_on: string;
  payer_kind: Payout['payerKind'];
  channel: Payout['channel'];
  receipt_reference: string | null;
  batch_id: string | null;
  recorded_by_id: string | null;
  created_at: Date | string;
  correction_id: string | null;
  reverses_payout_id: string | null;
  /** The correction whose reversal took this payout back, if one did. */
  reversed_by_correction_id: string | null;
  held_in: Payout['heldIn'];
  handed_over_on: string | null;
  handover_channel: Payout['channel'] | null;
  handover_receipt: string | null;
  worker_name: string;
}

/** A payout as a correction sees it; `reversed` when a reversal already took it back. */
export interface LedgerEntryRow {
  id: string;
  claim_id: string;
  amount_fen: string;
  paid_on: string;
  payer_kind: Payout['payerKind'];
  channel: Payout['channel'];
  receipt_reference: string | null;
  reverses_payout_id: string | null;
  reversed: boolean;
  held_in: Payout['heldIn'];
  handed_over: boolean;
}

const LEDGER_ENTRY_SQL = `
  SELECT p.id, p.claim_id, p.amount_fen, p.paid_on::text, p.payer_kind, p.channel, p.receipt_reference, p.reverses_payout_id,
         EXISTS (SELECT 1 FROM payouts r WHERE r.reverses_payout_id = p.id) AS reversed, p.held_in,
         EXISTS (SELECT 1 FROM payout_handovers h WHERE h.payout_id = p.id) AS handed_over
    FROM payouts p WHERE p.case_id = $1 AND p.id = $2`;

/**
 * Money held for workers (代管) still held: payouts into a holding account that no reversal took back
 * and nobody handed over, on the cases of the organisations matched by $1 (a path prefix).
 */
const HELD_NOW = `
  FROM payouts p
  JOIN cases c ON c.id = p.case_id
  JOIN organisations o ON o.id = c.organisation_id
  WHERE p.held_in IS NOT NULL AND p.reverses_payout_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM payouts r WHERE r.reverses_payout_id = p.id)
    AND NOT EXISTS (SELECT 1 FROM payout_handovers h WHERE h.payout_id = p.id)
    AND o.path LIKE $1 || '%'`;

/** A sum of money held for one worker, with its case and how long it has been held. */
export interface HeldMoneyRow {
  payout_id: string;
  case_id: string;
  case_number: string;
  organisation_id: string;
  organisation_name: string;
  claim_id: string;
  worker_name: string;
  amount_fen: string;
  paid_on: string;
  held_in: NonNullable<Payout['heldIn']>;
  days_held: number;
}

/** Per organisation, the money held and how long: up to 30 days, 31–90, 91–180, longer. */
export interface HeldByAgeRow {
  organisation_id: string;
  organisation_name: string;
  workers: number;
  total_fen: string;
  within_30_fen: string;
  within_90_fen: string;
  within_180_fen: string;
  older_fen: string;
}

export interface NewCorrection {
  caseId: string;
  payoutId: string;
  replacement: Replacement | null;
  receiptReference: string | null;
  reason: string;
  requestedById: string;
}

/** A correction with what it corrects and the names a reader needs. */
export interface CorrectionRow {
  id: string;
  case_id: string;
  case_number: string;
  payout_id: string;
  original_claim_id: string;
  original_worker_name: string;
  original_amount_fen: string;
  original_paid_on: string;
  claim_id: string | null;
  worker_name: string | null;
  amount_fen: string | null;
  paid_on: string | null;
  receipt_reference: string | null;
  reason: string;
  status: CorrectionStatus;
  requested_by_id: string;
  requested_by_name: string;
  requested_at: Date | string;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: Date | string | null;
  decision_note: string | null;
}

const CORRECTIONS_SQL = `
  SELECT k.id, k.case_id, kc.case_number, k.payout_id,
         p.claim_id AS original_claim_id, ow.name AS original_worker_name, p.amount_fen AS original_amount_fen,
         p.paid_on::text AS original_paid_on,
         k.claim_id, rw.name AS worker_name, k.amount_fen, k.paid_on::text, k.receipt_reference, k.reason, k.status,
         k.requested_by_id, ru.display_name AS requested_by_name, k.requested_at,
         k.decided_by_id, du.display_name AS decided_by_name, k.decided_at, k.decision_note
    FROM payout_corrections k
    JOIN cases kc ON kc.id = k.case_id
    JOIN payouts p ON p.id = k.payout_id
    JOIN claims oc ON oc.id = p.claim_id JOIN workers ow ON ow.id = oc.worker_id
    LEFT JOIN claims rc ON rc.id = k.claim_id LEFT JOIN workers rw ON rw.id = rc.worker_id
    JOIN users ru ON ru.id = k.requested_by_id
    LEFT JOIN users du ON du.id = k.decided_by_id`;

/**
 * Payouts per INSERT. One statement takes one array per column whatever the number of rows; the chunks
 * keep each statement (and the case facts and audit rows its triggers write) to a bounded size.
 */
const PAYOUTS_PER_INSERT = 1000;

/**
 * The payout ledger, append-only (the database refuses UPDATE and DELETE): hence no method changes a
 * payout. Its corrections (payout_corrections) are requests until decided, and then final.
 */
@Injectable()
export class PayoutsRepository {
  /** One payout of the case as a correction sees it, or undefined. */
  async ledgerEntry(tx: Tx, caseId: string, payoutId: string): Promise<LedgerEntryRow | undefined> {
    const [row]: LedgerEntryRow[] = await tx.query(LEDGER_ENTRY_SQL, [caseId, payoutId]);
    return row;
  }

  /** A correction asked for; its id and when. */
  async insertCorrection(tx: Tx, correction: NewCorrection): Promise<string> {
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO payout_corrections (case_id, payout_id, claim_id, amount_fen, paid_on, receipt_reference, reason, requested_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        correction.caseId,
        correction.payoutId,
        correction.replacement?.claimId ?? null,
        correction.replacement?.amountFen.toString() ?? null,
        correction.replacement?.paidOn ?? null,
        correction.receiptReference,
        correction.reason,
        correction.requestedById,
      ],
    );
    return id;
  }

  /** A correction of the case, locked until the transaction ends (the case is locked first). */
  async lockCorrection(tx: Tx, caseId: string, correctionId: string): Promise<CorrectionRow | undefined> {
    const [row]: CorrectionRow[] = await tx.query(`${CORRECTIONS_SQL} WHERE k.case_id = $1 AND k.id = $2 FOR UPDATE OF k`, [
      caseId,
      correctionId,
    ]);
    return row;
  }

  async decideCorrection(tx: Tx, correctionId: string, status: 'approved' | 'rejected', deciderId: string, note: string | null): Promise<void> {
    await tx.query(
      `UPDATE payout_corrections SET status = $2, decided_by_id = $3, decided_at = now(), decision_note = $4 WHERE id = $1`,
      [correctionId, status, deciderId, note],
    );
  }

  /** Every correction of a case, newest first. */
  async correctionsOfCase(tx: Tx, caseId: string): Promise<CorrectionRow[]> {
    return tx.query(`${CORRECTIONS_SQL} WHERE k.case_id = $1 ORDER BY k.requested_at DESC, k.id`, [caseId]);
  }

  /** One correction by its id. */
  async correction(tx: Tx, correctionId: string): Promise<CorrectionRow> {
    const [row]: CorrectionRow[] = await tx.query(`${CORRECTIONS_SQL} WHERE k.id = $1`, [correctionId]);
    return row;
  }

  /** The corrections waiting for approval on the cases of a scope (organisation path prefix), oldest first. */
  async pendingInScope(tx: Tx, scopePath: string, limit: number, offset: number): Promise<{ total: number; rows: CorrectionRow[] }> {
    const where = `WHERE k.status = 'pending' AND o.path LIKE $1 || '%'`;
    const [{ total }]: { total: number }[] = await tx.query(
      `SELECT count(*)::int AS total FROM payout_corrections k JOIN cases kc ON kc.id = k.case_id
         JOIN organisations o ON o.id = kc.organisation_id ${where}`,
      [scopePath],
    );
    const rows: CorrectionRow[] = await tx.query(
      `${CORRECTIONS_SQL} JOIN organisations o ON o.id = kc.organisation_id ${where}
        ORDER BY k.requested_at, k.id LIMIT ${limit} OFFSET ${offset}`,
      [scopePath],
    );
    return { total, rows };
  }

  /** One statement per chunk; id and created_at take their defaults. */
  async insertPayouts(tx: Tx, payouts: NewPayout[]): Promise<void> {
    for (let start = 0; start < payouts.length; start += PAYOUTS_PER_INSERT) {
      const chunk = payouts.slice(start, start + PAYOUTS_PER_INSERT);
      await tx.query(
        `INSERT INTO payouts (case_id, claim_id, amount_fen, paid_on, payer_kind, channel, receipt_reference, batch_id, recorded_by_id,
                              correction_id, reverses_payout_id, held_in)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::date[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::uuid[],
                              $10::uuid[], $11::uuid[], $12::text[])`,
        [
          chunk.map((payout) => payout.caseId),
          chunk.map((payout) => payout.claimId),
          chunk.map((payout) => payout.amountFen.toString()),
          chunk.map((payout) => payout.paidOn),
          chunk.map((payout) => payout.payerKind),
          chunk.map((payout) => payout.channel),
          chunk.map((payout) => payout.receiptReference),
          chunk.map((payout) => payout.batchId),
          chunk.map((payout) => payout.recordedById),
          chunk.map((payout) => payout.correctionId ?? null),
          chunk.map((payout) => payout.reversesPayoutId ?? null),
          chunk.map((payout) => payout.heldIn ?? null),
        ],
      );
    }
  }

  /** Hands money held for a worker over to him: once (the key is the payout). */
  async insertHandover(
    tx: Tx,
    handover: { payoutId: string; caseId: string; handedOverOn: string; channel: Payout['channel']; receiptReference: string | null; recordedById: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO payout_handovers (payout_id, case_id, handed_over_on, channel, receipt_reference, recorded_by_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [handover.payoutId, handover.caseId, handover.handedOverOn, handover.channel, handover.receiptReference, handover.recordedById],
    );
  }

  /** The money held now on the scope's cases ($1 path), the longest held first; $2 the day the age counts to. */
  async heldPage(tx: Tx, scopePath: string, today: string, limit: number, offset: number): Promise<{ total: number; rows: HeldMoneyRow[] }> {
    const [{ total }]: { total: number }[] = await tx.query(`SELECT count(*)::int AS total ${HELD_NOW}`, [scopePath]);
    const rows: HeldMoneyRow[] = await tx.query(
      `SELECT p.id AS payout_id, p.case_id, c.case_number, o.id AS organisation_id, o.name AS organisation_name, p.claim_id,
              w.name AS worker_name, p.amount_fen, p.paid_on::text, p.held_in, ($2::date - p.paid_on)::int AS days_held
         ${HELD_NOW.replace('FROM payouts p', 'FROM payouts p JOIN claims cl ON cl.id = p.claim_id JOIN workers w ON w.id = cl.worker_id')}
        ORDER BY p.paid_on, c.case_number, cl.position, p.id
        LIMIT ${limit} OFFSET ${offset}`,
      [scopePath, today],
    );
    return { total, rows };
  }

  /** The money held now per organisation of the case, by how long it has been held ($2 the day it counts to). */
  heldByAge(tx: Tx, scopePath: string, today: string): Promise<HeldByAgeRow[]> {
    return tx.query(
      `SELECT o.id AS organisation_id, o.name AS organisation_name, count(DISTINCT p.claim_id)::int AS workers,
              SUM(p.amount_fen)::text AS total_fen,
              COALESCE(SUM(p.amount_fen) FILTER (WHERE $2::date - p.paid_on <= 30), 0)::text AS within_30_fen,
              COALESCE(SUM(p.amount_fen) FILTER (WHERE $2::date - p.paid_on BETWEEN 31 AND 90), 0)::text AS within_90_fen,
              COALESCE(SUM(p.amount_fen) FILTER (WHERE $2::date - p.paid_on BETWEEN 91 AND 180), 0)::text AS within_180_fen,
              COALESCE(SUM(p.amount_fen) FILTER (WHERE $2::date - p.paid_on > 180), 0)::text AS older_fen
         ${HELD_NOW}
        GROUP BY o.id, o.name
        ORDER BY SUM(p.amount_fen) DESC, o.name`,
      [scopePath, today],
    );
  }

  /** The money still held of the cases opened from $2 to $3 in the scope ($1): the part of their recovered money not yet in the workers' hands. */
  async heldOfCasesOpened(tx: Tx, scopePath: string, from: string, to: string): Promise<bigint> {
    const [{ fen }]: { fen: string }[] = await tx.query(
      `SELECT COALESCE(SUM(p.amount_fen), 0)::text AS fen ${HELD_NOW} AND c.intake_date BETWEEN $2::date AND $3::date`,
      [scopePath, from, to],
    );
    return BigInt(fen);
  }

  /** One page of a case's payouts in the order they were made, and how many match in all. */
  async pageOfCase(
    tx: Tx,
    caseId: string,
    filter: PayoutListFilter,
    limit: number,
    offset: number,
  ): Promise<{ total: number; rows: PayoutListRow[] }> {
    const conditions = ['p.case_id = $1'];
    const params: unknown[] = [caseId];
    if (filter.claimId) {
      params.push(filter.claimId);
      conditions.push(`p.claim_id = $${params.length}`);
    }
    if (filter.paidOn) {
      params.push(filter.paidOn);
      conditions.push(`p.paid_on = $${params.length}`);
    }
    const where = conditions.join(' AND ');
    const [{ total }]: { total: number }[] = await tx.query(`SELECT count(*)::int AS total FROM payouts p WHERE ${where}`, params);
    const rows: PayoutListRow[] = await tx.query(
      `SELECT p.*, w.name AS worker_name, r.correction_id AS reversed_by_correction_id,
              h.handed_over_on::text, h.channel AS handover_channel, h.receipt_reference AS handover_receipt
         FROM payouts p JOIN claims c ON c.id = p.claim_id JOIN workers w ON w.id = c.worker_id
         LEFT JOIN payouts r ON r.reverses_payout_id = p.id
         LEFT JOIN payout_handovers h ON h.payout_id = p.id
        WHERE ${where}
        ORDER BY p.paid_on, p.created_at, c.position, (p.reverses_payout_id IS NOT NULL) DESC, p.id
        LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { total, rows };
  }
}
