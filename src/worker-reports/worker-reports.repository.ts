import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import type { Satisfaction } from '../callbacks/domain/callback-rules';
import type { District } from './domain/report-rules';
import type { OverdueReportRow, ReportForLookupRow, ReportPhotoRow, WorkerReportRow } from './worker-report.record';

const REPORT_SQL = `
  SELECT r.id, r.receipt_number, r.organisation_id, o.name AS organisation_name, r.worker_name, r.id_number_sealed, r.mobile_sealed,
         r.employer_name, r.project_name, r.site_address, r.period_start::text, r.period_end::text, r.amount_owed_fen::text,
         r.co_workers, r.description, r.consent_version, r.submitted_at, r.submitted_on::text, r.status,
         r.case_id, c.case_number, c.status AS case_status, r.claim_id, r.decline_reason,
         r.handled_by_id, u.display_name AS handled_by_name, r.handled_at, r.satisfaction, r.rating_note, r.rated_at,
         (SELECT count(*)::int FROM worker_report_photos p WHERE p.report_id = r.id) AS photo_count
    FROM worker_reports r
    JOIN organisations o ON o.id = r.organisation_id
    LEFT JOIN cases c ON c.id = r.case_id
    LEFT JOIN users u ON u.id = r.handled_by_id`;

/**
 * Who sees a report, and handles it: the organisation it was sent to, those above it, and those below
 * it (a district's reports reach its service centers' lawyers). $1 is the user's organisation path.
 */
const REPORT_VISIBLE = `(o.path LIKE $1 || '%' OR $1 LIKE o.path || '%')`;

export interface NewWorkerReport {
  receiptNumber: string;
  lookupCodeHash: string;
  organisationId: string;
  workerName: string;
  idNumberSealed: string;
  idNumberHash: string;
  mobileSealed: string;
  employerName: string;
  projectName: string | null;
  siteAddress: string | null;
  periodStart: string;
  periodEnd: string;
  amountOwedFen: bigint;
  coWorkers: number;
  description: string | null;
  consentVersion: string;
  clientAddress: string | null;
  /** By the service's clock, as the limits and the photos' day count it. */
  submittedAt: Date;
  submittedOn: string;
}

export type QueueFilter = 'waiting' | 'handled' | 'all';

/**
 * The workers' own channel: the only code that reads or writes worker_reports, worker_report_photos,
 * worker_report_policy, public_challenges_spent and public_throttles.
 */
@Injectable()
export class WorkerReportsRepository {
  // ---- the public side ----

  /** The organisations a worker may send a report to: the district federations, and the city's for "not sure". */
  districts(tx: Tx): Promise<(District & { kind: string })[]> {
    return tx.query(
      `SELECT id, name, district, kind FROM organisations
        WHERE kind IN ('district_federation', 'city_federation') ORDER BY kind = 'city_federation', name`,
    );
  }

  /** What a challenge was spent on, if it was (expired ones are cleared as it goes). */
  async spentChallenge(tx: Tx, signature: string, now: Date): Promise<{ id_number_hash: string; receipt_sealed: string } | undefined> {
    await tx.query(`DELETE FROM public_challenges_spent WHERE expires_at < $1`, [now]);
    const [row]: { id_number_hash: string; receipt_sealed: string }[] = await tx.query(
      `SELECT id_number_hash, receipt_sealed FROM public_challenges_spent WHERE signature = $1`,
      [signature],
    );
    return row;
  }

  /** Records a challenge as spent on a report; false when it was spent meanwhile (the caller then refuses). */
  async spendChallenge(tx: Tx, spent: { signature: string; expiresAt: Date; idNumberHash: string; receiptSealed: string }): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO public_challenges_spent (signature, expires_at, id_number_hash, receipt_sealed) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING signature`,
      [spent.signature, spent.expiresAt, spent.idNumberHash, spent.receiptSealed],
    );
    return inserted.length === 1;
  }

  /** Reports sent from an address, and in an id number's name, since a moment. */
  async sentSince(tx: Tx, by: { clientAddress: string | null; idNumberHash: string }, since: { address: Date; idNumber: Date }): Promise<{ fromAddress: number; forIdNumber: number }> {
    const [row]: { from_address: number; for_id_number: number }[] = await tx.query(
      `SELECT (SELECT count(*)::int FROM worker_reports WHERE client_address = $1 AND submitted_at >= $2) AS from_address,
              (SELECT count(*)::int FROM worker_reports WHERE id_number_hash = $3 AND submitted_at >= $4) AS for_id_number`,
      [by.clientAddress, since.address, by.idNumberHash, since.idNumber],
    );
    return { fromAddress: row.from_address, forIdNumber: row.for_id_number };
  }

  /** Takes a lock on the key (an address, an id number) until the transaction ends, so two sends count one after the other. */
  async lockKey(tx: Tx, key: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 19))`, [key]);
  }

  /** The new report's id; null when its receipt number was already taken (the caller draws another). */
  async insert(tx: Tx, report: NewWorkerReport): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO worker_reports (receipt_number, lookup_code_hash, organisation_id, worker_name, id_number_sealed, id_number_hash,
                                   mobile_sealed, employer_name, project_name, site_address, period_start, period_end,
                                   amount_owed_fen, co_workers, description, consent_version, client_address, submitted_on, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       ON CONFLICT ON CONSTRAINT worker_reports_receipt_number_key DO NOTHING
       RETURNING id`,
      [
        report.receiptNumber, report.lookupCodeHash, report.organisationId, report.workerName, report.idNumberSealed, report.idNumberHash,
        report.mobileSealed, report.employerName, report.projectName, report.siteAddress, report.periodStart, report.periodEnd,
        report.amountOwedFen.toString(), report.coWorkers, report.description, report.consentVersion, report.clientAddress, report.submittedOn, report.submittedAt,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** A report by its receipt number, with what a lookup needs; undefined when there is none. */
  async byReceipt(tx: Tx, receiptNumber: string): Promise<ReportForLookupRow | undefined> {
    const [row]: ReportForLookupRow[] = await tx.query(
      `SELECT x.*, r.lookup_code_hash, co.name AS case_organisation_name
         FROM (${REPORT_SQL} WHERE r.receipt_number = $1) x
         JOIN worker_reports r ON r.id = x.id
         LEFT JOIN cases c ON c.id = x.case_id
         LEFT JOIN organisations co ON co.id = c.organisation_id`,
      [receiptNumber],
    );
    return row;
  }

  async insertPhoto(tx: Tx, reportId: string, photo: { mediaType: string; sha256: string; content: Buffer }): Promise<void> {
    await tx.query(
      `INSERT INTO worker_report_photos (report_id, media_type, byte_size, sha256, content) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT worker_report_photos_once DO NOTHING`,
      [reportId, photo.mediaType, photo.content.length, photo.sha256, photo.content],
    );
  }

  /** Holds the report's row until the transaction ends (photos counted, a rating given, a report handled: one at a time). */
  async lock(tx: Tx, reportId: string): Promise<void> {
    await tx.query(`SELECT 1 FROM worker_reports WHERE id = $1 FOR UPDATE`, [reportId]);
  }

  async rate(tx: Tx, reportId: string, rating: { satisfaction: Satisfaction; note: string | null }): Promise<void> {
    await tx.query(`UPDATE worker_reports SET satisfaction = $2, rating_note = $3, rated_at = now() WHERE id = $1`, [
      reportId,
      rating.satisfaction,
      rating.note,
    ]);
  }

  async loadThrottles(tx: Tx, keys: string[]): Promise<Map<string, { failures: number; lastFailureAt: Date; lockedUntil: Date | null }>> {
    const rows: { key: string; failures: number; last_failure_at: Date; locked_until: Date | null }[] = await tx.query(
      `SELECT key, failures, last_failure_at, locked_until FROM public_throttles WHERE key = ANY($1::text[])`,
      [keys],
    );
    return new Map(rows.map((row) => [row.key, { failures: row.failures, lastFailureAt: new Date(row.last_failure_at), lockedUntil: row.locked_until && new Date(row.locked_until) }]));
  }

  /** Forgets failures long past (an address or a number not tried for a day), so the table holds only what still counts. */
  async forgetOldThrottles(tx: Tx, before: Date): Promise<void> {
    await tx.query(`DELETE FROM public_throttles WHERE last_failure_at < $1 AND (locked_until IS NULL OR locked_until < $1)`, [before]);
  }

  async saveThrottle(tx: Tx, key: string, state: { failures: number; lastFailureAt: Date; lockedUntil: Date | null }): Promise<void> {
    await tx.query(
      `INSERT INTO public_throttles (key, failures, last_failure_at, locked_until) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, last_failure_at = EXCLUDED.last_failure_at, locked_until = EXCLUDED.locked_until`,
      [key, state.failures, state.lastFailureAt, state.lockedUntil],
    );
  }

  // ---- the union's side ----

  async queue(tx: Tx, scopePath: string, filter: QueueFilter, page: { limit: number; offset: number }): Promise<{ rows: WorkerReportRow[]; total: number }> {
    const status = filter === 'waiting' ? `r.status = 'submitted'` : filter === 'handled' ? `r.status <> 'submitted'` : 'true';
    // waiting: the longest waiting first; handled: the latest handled first
    const order = filter === 'waiting' ? 'r.submitted_at, r.id' : 'coalesce(r.handled_at, r.submitted_at) DESC, r.id';
    const rows: WorkerReportRow[] = await tx.query(`${REPORT_SQL} WHERE ${REPORT_VISIBLE} AND ${status} ORDER BY ${order} LIMIT $2 OFFSET $3`, [
      scopePath,
      page.limit,
      page.offset,
    ]);
    const [{ total }]: { total: number }[] = await tx.query(
      `SELECT count(*)::int AS total FROM worker_reports r JOIN organisations o ON o.id = r.organisation_id WHERE ${REPORT_VISIBLE} AND ${status}`,
      [scopePath],
    );
    return { rows, total };
  }

  async visible(tx: Tx, reportId: string, scopePath: string): Promise<WorkerReportRow | undefined> {
    const [row]: WorkerReportRow[] = await tx.query(`${REPORT_SQL} WHERE r.id = $2 AND ${REPORT_VISIBLE}`, [scopePath, reportId]);
    return row;
  }

  /** A report of the scope, locked for handling. */
  async lockVisible(tx: Tx, reportId: string, scopePath: string): Promise<WorkerReportRow | undefined> {
    const [row]: WorkerReportRow[] = await tx.query(`${REPORT_SQL} WHERE r.id = $2 AND ${REPORT_VISIBLE} FOR UPDATE OF r`, [scopePath, reportId]);
    return row;
  }

  photos(tx: Tx, reportId: string): Promise<ReportPhotoRow[]> {
    return tx.query(
      `SELECT id, report_id, media_type, byte_size, sha256, created_at FROM worker_report_photos WHERE report_id = $1 ORDER BY created_at, id`,
      [reportId],
    );
  }

  async photoContents(tx: Tx, reportId: string): Promise<{ id: string; media_type: ReportPhotoRow['media_type']; sha256: string; content: Buffer }[]> {
    return tx.query(`SELECT id, media_type, sha256, content FROM worker_report_photos WHERE report_id = $1 ORDER BY created_at, id`, [reportId]);
  }

  async photoContent(tx: Tx, reportId: string, photoId: string): Promise<{ media_type: string; content: Buffer } | undefined> {
    const [row]: { media_type: string; content: Buffer }[] = await tx.query(
      `SELECT media_type, content FROM worker_report_photos WHERE report_id = $1 AND id = $2`,
      [reportId, photoId],
    );
    return row;
  }

  async markTaken(tx: Tx, reportId: string, taken: { status: 'accepted' | 'joined'; caseId: string; claimId: string; handledById: string }): Promise<void> {
    await tx.query(`UPDATE worker_reports SET status = $2, case_id = $3, claim_id = $4, handled_by_id = $5, handled_at = now() WHERE id = $1`, [
      reportId,
      taken.status,
      taken.caseId,
      taken.claimId,
      taken.handledById,
    ]);
  }

  async markDeclined(tx: Tx, reportId: string, reason: string, handledById: string): Promise<void> {
    await tx.query(`UPDATE worker_reports SET status = 'declined', decline_reason = $2, handled_by_id = $3, handled_at = now() WHERE id = $1`, [
      reportId,
      reason,
      handledById,
    ]);
  }

  async daysToHandle(tx: Tx): Promise<number> {
    const [{ days }]: { days: number }[] = await tx.query(`SELECT days_to_handle AS days FROM worker_report_policy`);
    return days;
  }

  async setDaysToHandle(tx: Tx, days: number): Promise<void> {
    await tx.query(`UPDATE worker_report_policy SET days_to_handle = $1, updated_at = now()`, [days]);
  }

  /**
   * Reports still waiting whose last day to be handled ($3 days after they came in) lies between $1 and
   * $2, once per active lawyer or intake clerk who sees them (REPORT_VISIBLE from the user's side).
   */
  overdue(tx: Tx, from: string, to: string, days: number): Promise<OverdueReportRow[]> {
    return tx.query(
      `SELECT r.id, r.receipt_number, o.name AS organisation_name, r.employer_name, r.co_workers, r.submitted_on::text,
              (r.submitted_on + $3::int)::text AS handle_by_on, u.id AS recipient_id
         FROM worker_reports r
         JOIN organisations o ON o.id = r.organisation_id
         JOIN users u ON u.active AND u.roles && ARRAY['lawyer', 'intake_clerk']::text[]
         JOIN organisations uo ON uo.id = u.organisation_id AND (o.path LIKE uo.path || '%' OR uo.path LIKE o.path || '%')
        WHERE r.status = 'submitted' AND r.submitted_on BETWEEN $1::date - $3::int AND $2::date - $3::int
        ORDER BY r.submitted_on, r.id, u.id`,
      [from, to, days],
    );
  }
}
