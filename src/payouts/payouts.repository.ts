import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import type { CorrectionStatus, Replacement } from './domain/correction-rules';
import type { Payout } from './payout.record';

export type NewPayout = Pick<
  Payout,
  'caseId' | 'claimId' | 'amountFen' | 'paidOn' | 'payerKind' | 'channel' | 'receiptReference' | 'batchId' | 'recordedById'
> &
  Partial<Pick<Payout, 'correctionId' | 'reversesPayoutId'>>;

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
}

const LEDGER_ENTRY_SQL = `
  SELECT p.id, p.claim_id, p.amount_fen, p.paid_on::text, p.payer_kind, p.channel, p.receipt_reference, p.reverses_payout_id,
         EXISTS (SELECT 1 FROM payouts r WHERE r.reverses_payout_id = p.id) AS reversed
    FROM payouts p WHERE p.case_id = $1 AND p.id = $2`;

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
                              correction_id, reverses_payout_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::date[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::uuid[],
                              $10::uuid[], $11::uuid[])`,
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
        ],
      );
    }
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
      `SELECT p.*, w.name AS worker_name, r.correction_id AS reversed_by_correction_id
         FROM payouts p JOIN claims c ON c.id = p.claim_id JOIN workers w ON w.id = c.worker_id
         LEFT JOIN payouts r ON r.reverses_payout_id = p.id
        WHERE ${where}
        ORDER BY p.paid_on, p.created_at, c.position, (p.reverses_payout_id IS NOT NULL) DESC, p.id
        LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { total, rows };
  }
}
