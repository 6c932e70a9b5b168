import { Injectable } from '@nestjs/common';
import type { Scope } from '../auth/domain/actor';
import type { Tx } from '../database/transactions';
import type { DutyShiftView, RosterEntryView, LawyerActedForEmployerView, LawyerEngagementView } from './desk.view';
import type { ShiftLine, ShiftOnDuty } from './domain/duty-roster';
import type {
  ConsultationChannel,
  ConsultationTopic,
  EarlyWarningStatus,
  Finding,
  FindingOrNa,
} from './dto/desk.dto';

/** A consultation as pg returns it (consultations.*). */
export type ConsultationRow = {
  id: string;
  organisation_id: string;
  lawyer_id: string;
  consulted_at: Date;
  channel: ConsultationChannel;
  topic: ConsultationTopic;
  worker_name: string | null;
  worker_id: string | null;
  employer_id: string | null;
  employer_name: string | null;
  advice: string;
  duration_minutes: number;
  follow_up_needed: boolean;
  case_id: string | null;
  created_at: Date;
};

export type NewConsultation = Omit<ConsultationRow, 'id' | 'case_id' | 'created_at'>;

/** An outreach visit as pg returns it (outreach_visits.*). */
export type OutreachVisitRow = {
  id: string;
  organisation_id: string;
  lawyer_id: string;
  visited_on: string;
  employer_id: string;
  project_id: string | null;
  site: string | null;
  workers_reached: number;
  wage_sheets: Finding;
  dedicated_wage_account: FindingOrNa;
  guarantee_deposit: FindingOrNa;
  real_name_records: FindingOrNa;
  arrears_found: boolean;
  findings: string | null;
  created_at: Date;
};

export type NewOutreachVisit = Omit<OutreachVisitRow, 'id' | 'created_at'>;

/** An early warning as pg returns it (early_warnings.*). */
export type EarlyWarningRow = {
  id: string;
  visit_id: string;
  organisation_id: string;
  employer_id: string;
  project_id: string | null;
  raised_on: string;
  estimated_workers: number | null;
  /** bigint, as text */
  estimated_fen: string | null;
  status: EarlyWarningStatus;
  case_id: string | null;
  created_at: Date;
};

export type NewEarlyWarning = Omit<EarlyWarningRow, 'id' | 'status' | 'case_id' | 'created_at'>;

/**
 * The lawyers' desk (duty_shifts, consultations, outreach_visits, early_warnings, lawyer_engagements).
 * Checking that an organisation, employer or worker exists reads those features' tables; only reads.
 */
@Injectable()
export class DeskRepository {
  /** Whether the organisation lies in the scope. */
  /** The names of these organisations, by id. */
  async organisationNames(tx: Tx, organisationIds: string[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await tx.query(`SELECT id, name FROM organisations WHERE id = ANY($1::uuid[])`, [organisationIds]);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async organisationInScope(tx: Tx, organisationId: string, scope: Scope): Promise<boolean> {
    return (await this.organisationsInScope(tx, [organisationId], scope)).has(organisationId);
  }

  /** Those of the organisations that lie in the scope, in one query (the month grid sends up to 200 centers). */
  async organisationsInScope(tx: Tx, organisationIds: string[], scope: Scope): Promise<Set<string>> {
    if (organisationIds.length === 0) return new Set();
    const rows: { id: string }[] = await tx.query(`SELECT id FROM organisations WHERE id = ANY($1::uuid[]) AND path LIKE $2 || '%'`, [
      [...new Set(organisationIds)],
      scope.path,
    ]);
    return new Set(rows.map((row) => row.id));
  }

  async employerExists(tx: Tx, employerId: string): Promise<boolean> {
    return (await tx.query(`SELECT 1 FROM employers WHERE id = $1`, [employerId])).length > 0;
  }

  async workerExists(tx: Tx, workerId: string): Promise<boolean> {
    return (await tx.query(`SELECT 1 FROM workers WHERE id = $1`, [workerId])).length > 0;
  }

  async insertShift(tx: Tx, shift: { organisationId: string; lawyerId: string; day: string }): Promise<string> {
    const [row] = await tx.query(
      `INSERT INTO duty_shifts (organisation_id, lawyer_id, day) VALUES ($1, $2, $3) RETURNING id`,
      [shift.organisationId, shift.lawyerId, shift.day],
    );
    return row.id;
  }

  /**
   * Many shifts in one statement, answered in the order given. A lawyer on duty twice a day is refused
   * by duty_shifts_lawyer_day_key (LAWYER_ALREADY_ON_DUTY), whoever added the other shift.
   */
  async insertShifts(tx: Tx, shifts: ShiftLine[]): Promise<DutyShiftView[]> {
    if (shifts.length === 0) return [];
    const rows: DutyShiftView[] = await tx.query(
      `INSERT INTO duty_shifts (organisation_id, lawyer_id, day)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[])
       RETURNING id, organisation_id AS "organisationId", lawyer_id AS "lawyerId", day::text AS day`,
      [shifts.map((s) => s.organisationId), shifts.map((s) => s.lawyerId), shifts.map((s) => s.day)],
    );
    const byLawyerDay = new Map(rows.map((row) => [`${row.lawyerId} ${row.day}`, row]));
    return shifts.map((shift) => byLawyerDay.get(`${shift.lawyerId} ${shift.day}`)!);
  }

  /**
   * The shifts already on the roster for the lawyers and days of `lines`, with their center's name;
   * those of `except` (a center's days about to be replaced) left out.
   */
  shiftsOnDays(
    tx: Tx,
    lines: { lawyerId: string; day: string }[],
    except: { organisationIds: string[]; from: string; to: string } | null,
  ): Promise<ShiftOnDuty[]> {
    return tx.query(
      `SELECT s.lawyer_id AS "lawyerId", s.day::text AS day, o.name AS "organisationName"
         FROM duty_shifts s
         JOIN (SELECT DISTINCT * FROM unnest($1::uuid[], $2::date[]) AS l(lawyer_id, day)) l
           ON l.lawyer_id = s.lawyer_id AND l.day = s.day
         JOIN organisations o ON o.id = s.organisation_id
        WHERE $3::uuid[] IS NULL OR NOT (s.organisation_id = ANY($3::uuid[]) AND s.day BETWEEN $4::date AND $5::date)`,
      [lines.map((l) => l.lawyerId), lines.map((l) => l.day), except?.organisationIds ?? null, except?.from ?? null, except?.to ?? null],
    );
  }

  /** Removes a center's shifts from `from` to `to`, both included. */
  async deleteShifts(tx: Tx, organisationId: string, from: string, to: string): Promise<void> {
    await tx.query(`DELETE FROM duty_shifts WHERE organisation_id = $1 AND day BETWEEN $2::date AND $3::date`, [
      organisationId,
      from,
      to,
    ]);
  }

  /** Deletes the shift if its service center lies in the scope; false when there was none to delete. */
  async deleteShiftInScope(tx: Tx, shiftId: string, scope: Scope): Promise<boolean> {
    const removed = await tx.query(
      `DELETE FROM duty_shifts s USING organisations o
        WHERE s.id = $1 AND o.id = s.organisation_id AND o.path LIKE $2 || '%' RETURNING s.id`,
      [shiftId, scope.path],
    );
    // DELETE … RETURNING answers [rows, count]
    return removed[1] !== 0;
  }

  /** The shifts of a service center from `from` to `to`, or to the end of the month from `from` when `to` is null. */
  roster(tx: Tx, organisationId: string, from: string, to: string | null): Promise<RosterEntryView[]> {
    return tx.query(
      `SELECT s.id, s.organisation_id AS "organisationId", s.day, s.lawyer_id AS "lawyerId", u.display_name AS "lawyerName", p.phone
         FROM duty_shifts s JOIN users u ON u.id = s.lawyer_id LEFT JOIN lawyer_profiles p ON p.user_id = u.id
        WHERE s.organisation_id = $1 AND s.day >= $2::date
          AND s.day <= COALESCE($3::date, ($2::date + interval '1 month' - interval '1 day')::date)
        ORDER BY s.day, u.display_name`,
      [organisationId, from, to],
    );
  }

  async insertConsultation(tx: Tx, consultation: NewConsultation): Promise<ConsultationRow> {
    const [row] = await tx.query(
      `INSERT INTO consultations (organisation_id, lawyer_id, consulted_at, channel, topic, worker_name, worker_id,
                                  employer_id, employer_name, advice, duration_minutes, follow_up_needed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
      [
        consultation.organisation_id,
        consultation.lawyer_id,
        consultation.consulted_at,
        consultation.channel,
        consultation.topic,
        consultation.worker_name,
        consultation.worker_id,
        consultation.employer_id,
        consultation.employer_name,
        consultation.advice,
        consultation.duration_minutes,
        consultation.follow_up_needed,
      ],
    );
    return row;
  }

  /** A lawyer's consultations of a Shanghai calendar day in the scope, in the order they took place. */
  consultationsOfDay(tx: Tx, lawyerId: string, day: string, scope: Scope): Promise<ConsultationRow[]> {
    return tx.query(
      `SELECT c.* FROM consultations c JOIN organisations o ON o.id = c.organisation_id
        WHERE c.lawyer_id = $1 AND o.path LIKE $2 || '%'
          AND c.consulted_at >= ($3::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND c.consulted_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
        ORDER BY c.consulted_at`,
      [lawyerId, scope.path, day],
    );
  }

  async consultationInScope(tx: Tx, consultationId: string, scope: Scope): Promise<ConsultationRow | undefined> {
    const [row] = await tx.query(
      `SELECT c.* FROM consultations c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = $1 AND o.path LIKE $2 || '%'`,
      [consultationId, scope.path],
    );
    return row;
  }

  /** The consultation's side of the link to the case opened from it. */
  async setConsultationCase(tx: Tx, consultationId: string, caseId: string): Promise<void> {
    await tx.query(`UPDATE consultations SET case_id = $2 WHERE id = $1`, [consultationId, caseId]);
  }

  async insertVisit(tx: Tx, visit: NewOutreachVisit): Promise<OutreachVisitRow> {
    const [row] = await tx.query(
      `INSERT INTO outreach_visits (organisation_id, lawyer_id, visited_on, employer_id, project_id, site, workers_reached,
                                    wage_sheets, dedicated_wage_account, guarantee_deposit, real_name_records, arrears_found, findings)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
      [
        visit.organisation_id,
        visit.lawyer_id,
        visit.visited_on,
        visit.employer_id,
        visit.project_id,
        visit.site,
        visit.workers_reached,
        visit.wage_sheets,
        visit.dedicated_wage_account,
        visit.guarantee_deposit,
        visit.real_name_records,
        visit.arrears_found,
        visit.findings,
      ],
    );
    return row;
  }

  async insertWarning(tx: Tx, warning: NewEarlyWarning): Promise<EarlyWarningRow> {
    const [row] = await tx.query(
      `INSERT INTO early_warnings (visit_id, organisation_id, employer_id, project_id, raised_on, estimated_workers, estimated_fen)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [
        warning.visit_id,
        warning.organisation_id,
        warning.employer_id,
        warning.project_id,
        warning.raised_on,
        warning.estimated_workers,
        warning.estimated_fen,
      ],
    );
    return row;
  }

  /** The early warnings in the scope, with their employer's name, newest first; all statuses when `status` is null. */
  warnings(tx: Tx, status: string | null, scope: Scope): Promise<(EarlyWarningRow & { employer_name: string })[]> {
    return tx.query(
      `SELECT w.*, e.name AS employer_name FROM early_warnings w
         JOIN organisations o ON o.id = w.organisation_id JOIN employers e ON e.id = w.employer_id
        WHERE o.path LIKE $1 || '%' AND ($2::text IS NULL OR w.status = $2) ORDER BY w.raised_on DESC, w.id`,
      [scope.path, status],
    );
  }

  /** The early warning with its visit's findings, if it lies in the scope. */
  async warningInScope(
    tx: Tx,
    warningId: string,
    scope: Scope,
  ): Promise<(EarlyWarningRow & { findings: string | null }) | undefined> {
    const [row] = await tx.query(
      `SELECT w.*, v.findings FROM early_warnings w JOIN outreach_visits v ON v.id = w.visit_id
         JOIN organisations o ON o.id = w.organisation_id WHERE w.id = $1 AND o.path LIKE $2 || '%'`,
      [warningId, scope.path],
    );
    return row;
  }

  async markWarningCaseOpened(tx: Tx, warningId: string, caseId: string): Promise<void> {
    await tx.query(`UPDATE early_warnings SET status = 'case_opened', case_id = $2 WHERE id = $1`, [warningId, caseId]);
  }

  /** Records (or re-words) that the lawyer has acted for the employer. */
  async upsertEngagement(tx: Tx, lawyerId: string, employerId: string, note: string | null): Promise<void> {
    await tx.query(
      `INSERT INTO lawyer_engagements (lawyer_id, employer_id, note) VALUES ($1, $2, $3)
       ON CONFLICT (lawyer_id, employer_id) DO UPDATE SET note = EXCLUDED.note`,
      [lawyerId, employerId, note],
    );
  }

  /** Whether the user is in the scope (their organisation in its subtree). */
  async userInScope(tx: Tx, userId: string, scope: Scope): Promise<boolean> {
    const [row] = await tx.query(
      `SELECT 1 FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1 AND o.path LIKE $2 || '%'`,
      [userId, scope.path],
    );
    return row !== undefined;
  }

  /** The employers the lawyer has declared acting for, the latest first. */
  engagementsOf(tx: Tx, lawyerId: string): Promise<(Omit<LawyerEngagementView, 'recordedAt'> & { recordedAt: Date })[]> {
    return tx.query(
      `SELECT le.employer_id AS "employerId", e.name AS "employerName", e.credit_code AS "creditCode", le.note,
              le.recorded_at AS "recordedAt"
         FROM lawyer_engagements le JOIN employers e ON e.id = le.employer_id
        WHERE le.lawyer_id = $1
        ORDER BY le.recorded_at DESC, e.name`,
      [lawyerId],
    );
  }

  /** The case's lawyer and each of its employers that lawyer has declared acting for. */
  lawyerActedForEmployer(tx: Tx, caseId: string): Promise<LawyerActedForEmployerView[]> {
    return tx.query(
      `SELECT c.lawyer_id AS "lawyerId", u.display_name AS "lawyerName", e.id AS "employerId", e.name AS "employerName", le.note
         FROM cases c
         JOIN case_employers ce ON ce.case_id = c.id
         JOIN lawyer_engagements le ON le.lawyer_id = c.lawyer_id AND le.employer_id = ce.employer_id
         JOIN users u ON u.id = c.lawyer_id JOIN employers e ON e.id = ce.employer_id
        WHERE c.id = $1`,
      [caseId],
    );
  }
}
