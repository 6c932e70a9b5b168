import { FINAL_STATUSES_SQL } from '../cases/domain/case-status';

/**
 * The open cases, with their people and their organisation: what the sweep considers. Their money
 * comes from the claims' balance (claim-money.sql.ts) and their deadlines from the legal clocks.
 */
export const OPEN_CASES_SQL = `
  SELECT c.id, c.case_number, c.lawyer_id, c.mediator_id, c.organisation_id
    FROM cases c WHERE c.status NOT IN ${FINAL_STATUSES_SQL}
   ORDER BY c.intake_date, c.id`;

/** Writes a batch of reminders in one statement; a reminder that exists already is left as it is. */
export const INSERT_REMINDERS_SQL = `
  INSERT INTO reminders (kind, subject, due_on, recipient_id, case_id, urgency, title, body, link)
  SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[])
  ON CONFLICT ON CONSTRAINT reminders_key DO NOTHING
  RETURNING id`;

/** Sessions still scheduled on the day after the sweep's day (Asia/Shanghai). */
export const SESSIONS_TOMORROW_SQL = `
  SELECT s.id, s.starts_at, s.place, r.name AS room_name, s.case_id, c.case_number, s.mediator_id, c.lawyer_id
    FROM mediation_sessions s JOIN cases c ON c.id = s.case_id LEFT JOIN mediation_rooms r ON r.id = s.room_id
   WHERE s.status = 'scheduled'
     AND s.starts_at >= (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
     AND s.starts_at < (($1::date + 2)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/** The active leaders (whatever other roles they hold: one row each), each with the organisation (and its path) whose subtree they oversee. */
export const LEADERS_SQL = `
  SELECT u.id AS leader_id, o.id AS scope_id, o.name AS scope_name, o.path AS scope_path
    FROM users u JOIN organisations o ON o.id = u.organisation_id
   WHERE 'leader' = ANY (u.roles) AND u.active
   ORDER BY u.id`;

/** Every organisation's name and path, to group a leader's digest by organisation. */
export const ORGANISATIONS_SQL = `SELECT id, name, path FROM organisations`;

/** What was paid on the day and the day before, per organisation of the case: "paid since yesterday". */
export const PAID_SINCE_YESTERDAY_SQL = `
  SELECT c.organisation_id, SUM(p.amount_fen)::text AS paid_fen
    FROM payouts p JOIN cases c ON c.id = p.case_id
   WHERE p.paid_on >= $1::date - 1 AND p.paid_on <= $1
   GROUP BY c.organisation_id`;
