import { FINAL_STATUSES_SQL } from '../cases/domain/case-status';

/**
 * The open cases, with their people, their organisation and their money as it stood at the end of the
 * sweep's day: what the sweep considers. From case_facts alone: the case numbers are read only for
 * the cases a reminder is about. The money is read from case_facts, the per-case summary the
 * reports keep exact (statement triggers, migrations/1764900000000), not added up from the payout
 * ledger. A case owed at the end of a day what it owes now plus what was paid on it after that day;
 * the workers owed then are those owed now plus those whose payments after that day paid them in full
 * (case_pay_days.claims_settled; what a claim is paid on a day is never negative, so a balance only falls:
 * migrations/1765900000000; a correction's reversal sits on its original's claim and day and nets to what
 * stands, migrations/1766600000000). That is what caseTotalsSql (claim-money.sql.ts) with `paidBy` adds up claim
 * by claim, which test/reminders-scale.e2e-spec.ts compares. Swept for today, nothing was paid after it
 * and the correction reads no row. $1: the day. In no order: read from the index of the open cases alone
 * (migrations/1766500000000), a city's 88,000 in some tens of milliseconds; sorting them cost more.
 */
export const OPEN_CASES_SQL = openCasesSql('');

/** As OPEN_CASES_SQL, of the cases $2 only (those a batch of reminders is about). */
export const OPEN_CASES_OF_SQL = openCasesSql('AND f.case_id = ANY($2::uuid[])', 'AND d.case_id = ANY($2::uuid[])');

function openCasesSql(cases: string, paidOfCases = ''): string {
  return `
  WITH paid_after AS (
    SELECT d.case_id, SUM(d.fen) AS fen, SUM(d.claims_settled) AS claims_settled
      FROM case_pay_days d WHERE d.paid_on > $1::date ${paidOfCases} GROUP BY d.case_id
  )
  SELECT f.case_id AS id, f.lawyer_id, f.mediator_id, f.organisation_id,
         (f.owed_fen - f.paid_fen + COALESCE(pa.fen, 0))::text AS outstanding_fen,
         (f.workers_owed + COALESCE(pa.claims_settled, 0))::int AS workers_owed
    FROM case_facts f
    LEFT JOIN paid_after pa ON pa.case_id = f.case_id
   WHERE f.status NOT IN ${FINAL_STATUSES_SQL} ${cases}`;
}

/** The open cases still owing at the end of the day $1, added up per organisation: the leaders' digest. */
export const OWING_BY_ORGANISATION_SQL = `
  SELECT o.organisation_id, count(*)::int AS cases, SUM(o.workers_owed)::int AS workers, SUM(o.outstanding_fen::bigint)::text AS outstanding_fen
    FROM (${openCasesSql('')}) o
   WHERE o.outstanding_fen::bigint > 0
   GROUP BY o.organisation_id`;

/** The case numbers of some cases (the festival countdown's, which the open cases above come without). */
export const CASE_NUMBERS_SQL = `SELECT c.id, c.case_number FROM cases c WHERE c.id = ANY($1::uuid[])`;

/** Writes a batch of reminders in one statement; a reminder that exists already is left as it is. */
export const INSERT_REMINDERS_SQL = `
  INSERT INTO reminders (kind, subject, due_on, recipient_id, case_id, urgency, title, body, link)
  SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[])
  ON CONFLICT ON CONSTRAINT reminders_key DO NOTHING
  RETURNING id`;

/** The reminders of a kind written for a day already (a second sweep of the day, another instance's): their subjects and recipients. $1: the day; $2: the kind. */
export const WRITTEN_ON_SQL = `SELECT subject, recipient_id FROM reminders WHERE due_on = $1::date AND kind = $2`;

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

/**
 * What was paid on the day and the day before, per organisation of the case: "paid since yesterday",
 * from the index of the days money was paid on (case_pay_days, one row per case and day), not the
 * payout ledger.
 */
export const PAID_SINCE_YESTERDAY_SQL = `
  SELECT d.organisation_id, SUM(d.fen)::text AS paid_fen
    FROM case_pay_days d
   WHERE d.paid_on >= $1::date - 1 AND d.paid_on <= $1::date
   GROUP BY d.organisation_id`;
