import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import type { Payout } from './payout.record';

export type NewPayout = Pick<
  Payout,
  'caseId' | 'claimId' | 'amountFen' | 'paidOn' | 'payerKind' | 'channel' | 'receiptReference' | 'batchId' | 'recordedById'
>;

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
  worker_name: string;
}

/**
 * Payouts per INSERT. One statement takes one array per column whatever the number of rows; the chunks
 * keep each statement (and the case facts and audit rows its triggers write) to a bounded size.
 */
const PAYOUTS_PER_INSERT = 1000;

/** The payout ledger, append-only (the database refuses UPDATE and DELETE): hence no method changes a row. */
@Injectable()
export class PayoutsRepository {
  /** One statement per chunk; id and created_at take their defaults. */
  async insertPayouts(tx: Tx, payouts: NewPayout[]): Promise<void> {
    for (let start = 0; start < payouts.length; start += PAYOUTS_PER_INSERT) {
      const chunk = payouts.slice(start, start + PAYOUTS_PER_INSERT);
      await tx.query(
        `INSERT INTO payouts (case_id, claim_id, amount_fen, paid_on, payer_kind, channel, receipt_reference, batch_id, recorded_by_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::date[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::uuid[])`,
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
      `SELECT p.*, w.name AS worker_name
         FROM payouts p JOIN claims c ON c.id = p.claim_id JOIN workers w ON w.id = c.worker_id
        WHERE ${where}
        ORDER BY p.paid_on, p.created_at, c.position, p.id
        LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { total, rows };
  }
}
