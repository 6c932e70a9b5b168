import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import { Payout } from './payout.entity';

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

/** Payouts per INSERT: keeps one statement's bind parameters well below PostgreSQL's limit of 65535. */
const PAYOUTS_PER_INSERT = 1000;

/** The payout ledger, append-only (the database refuses UPDATE and DELETE): hence no method changes a row. */
@Injectable()
export class PayoutsRepository {
  async insertPayouts(tx: Tx, payouts: NewPayout[]): Promise<void> {
    for (let start = 0; start < payouts.length; start += PAYOUTS_PER_INSERT) {
      await tx.getRepository(Payout).insert(payouts.slice(start, start + PAYOUTS_PER_INSERT));
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
        ORDER BY p.paid_on, p.created_at, p.id
        LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { total, rows };
  }
}
