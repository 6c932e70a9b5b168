/**
 * Open cases with money still owed, with their lawyer and mediator: the candidates of the festival
 * countdown, selected in one statement however many cases there are.
 */
export const FESTIVAL_CANDIDATES_SQL = `
  WITH paid AS (
    SELECT p.claim_id, SUM(p.amount_fen) AS paid_fen FROM payouts p GROUP BY p.claim_id
  ), owed AS (
    SELECT cl.case_id,
           SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen) - COALESCE(paid.paid_fen, 0)) AS outstanding_fen,
           count(*) FILTER (WHERE COALESCE(cl.confirmed_fen, cl.claimed_fen) > COALESCE(paid.paid_fen, 0)) AS workers_owed
      FROM claims cl LEFT JOIN paid ON paid.claim_id = cl.id
     GROUP BY cl.case_id
  )
  SELECT c.id AS case_id, c.case_number, c.lawyer_id, c.mediator_id,
         owed.outstanding_fen::text AS outstanding_fen, owed.workers_owed::int AS workers_owed
    FROM cases c JOIN owed ON owed.case_id = c.id
   WHERE c.status NOT IN ('closed', 'withdrawn', 'rejected') AND owed.outstanding_fen > 0
     AND (c.lawyer_id IS NOT NULL OR c.mediator_id IS NOT NULL)`;

/** Writes a batch of reminders in one statement; a reminder that exists already is left as it is. */
export const INSERT_REMINDERS_SQL = `
  INSERT INTO reminders (kind, subject, due_on, recipient_id, case_id, urgency, title, body, link)
  SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[])
  ON CONFLICT ON CONSTRAINT reminders_key DO NOTHING
  RETURNING id`;

/**
 * Instalments of open cases not yet paid in full as of the day: the payouts made from the signing
 * day up to that day are matched earliest-first, which in SQL is a running total per schedule (per
 * worker on a per-worker schedule) compared with what has been paid.
 */
export const UNPAID_INSTALMENTS_SQL = `
  WITH planned AS (
    SELECT i.id, i.claim_id, i.due_on, i.amount_fen, a.case_id, a.signed_on,
           SUM(i.amount_fen) OVER (PARTITION BY i.agreement_id, i.claim_id ORDER BY i.due_on, i.id) AS running_fen
      FROM instalments i JOIN agreements a ON a.id = i.agreement_id
  ), paid AS (
    SELECT planned.id,
           COALESCE((SELECT SUM(p.amount_fen) FROM payouts p
                      WHERE p.case_id = planned.case_id AND p.paid_on >= planned.signed_on AND p.paid_on <= $1
                        AND (planned.claim_id IS NULL OR p.claim_id = planned.claim_id)), 0) AS paid_fen
      FROM planned
  )
  SELECT planned.id, planned.due_on, planned.case_id, c.case_number, c.lawyer_id, c.mediator_id,
         LEAST(planned.amount_fen, planned.running_fen - paid.paid_fen)::text AS unpaid_fen,
         planned.amount_fen::text AS amount_fen
    FROM planned JOIN paid ON paid.id = planned.id JOIN cases c ON c.id = planned.case_id
   WHERE paid.paid_fen < planned.running_fen AND c.status NOT IN ('closed', 'withdrawn', 'rejected')`;

/** Sessions still scheduled on the day after the sweep's day (Asia/Shanghai). */
export const SESSIONS_TOMORROW_SQL = `
  SELECT s.id, s.starts_at, s.place, r.name AS room_name, s.case_id, c.case_number, s.mediator_id, c.lawyer_id
    FROM mediation_sessions s JOIN cases c ON c.id = s.case_id LEFT JOIN mediation_rooms r ON r.id = s.room_id
   WHERE s.status = 'scheduled'
     AND s.starts_at >= (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
     AND s.starts_at < (($1::date + 2)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/** Cases in mediation, with the day mediation started: its 15-day limit (LDMAA art. 14) counts from it. */
export const CASES_IN_MEDIATION_SQL = `
  SELECT c.id AS case_id, c.case_number, c.lawyer_id, c.mediator_id,
         (SELECT (max(e.occurred_at) AT TIME ZONE 'Asia/Shanghai')::date::text FROM case_events e
           WHERE e.case_id = c.id AND e.to_status = 'mediating') AS mediating_since
    FROM cases c WHERE c.status = 'mediating'`;

/**
 * For each leader, each organisation of their scope with money still owed: cases, workers, amount;
 * and what was paid in the scope since the day before. One statement for all leaders.
 */
export const DIGEST_SQL = `
  WITH paid AS (
    SELECT claim_id, SUM(amount_fen) AS paid_fen FROM payouts WHERE paid_on <= $1 GROUP BY claim_id
  ), owed AS (
    SELECT c.id AS case_id, c.organisation_id,
           SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen) - COALESCE(paid.paid_fen, 0)) AS outstanding_fen,
           count(*) FILTER (WHERE COALESCE(cl.confirmed_fen, cl.claimed_fen) > COALESCE(paid.paid_fen, 0)) AS workers
      FROM cases c JOIN claims cl ON cl.case_id = c.id LEFT JOIN paid ON paid.claim_id = cl.id
     WHERE c.status NOT IN ('closed', 'withdrawn', 'rejected')
     GROUP BY c.id
    HAVING SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen) - COALESCE(paid.paid_fen, 0)) > 0
  )
  SELECT u.id AS leader_id, own.id AS scope_id, own.name AS scope_name, o.name AS organisation_name,
         count(owed.case_id)::int AS cases, COALESCE(SUM(owed.workers), 0)::int AS workers,
         COALESCE(SUM(owed.outstanding_fen), 0)::text AS outstanding_fen,
         (SELECT COALESCE(SUM(p.amount_fen), 0) FROM payouts p JOIN cases pc ON pc.id = p.case_id
            JOIN organisations po ON po.id = pc.organisation_id
           WHERE po.path LIKE own.path || '%' AND p.paid_on >= $1::date - 1 AND p.paid_on <= $1)::text AS paid_since_yesterday_fen
    FROM users u
    JOIN organisations own ON own.id = u.organisation_id
    JOIN organisations o ON o.path LIKE own.path || '%'
    JOIN owed ON owed.organisation_id = o.id
   WHERE u.role = 'leader' AND u.active
   GROUP BY u.id, own.id, own.name, own.path, o.id, o.name
   ORDER BY u.id, o.name`;

/** Open cases in arbitration with an application and no award yet: the 5-day and 45(+15)-day periods. */
export const ARBITRATIONS_SQL = `
  SELECT c.id AS case_id, c.case_number, c.lawyer_id, c.mediator_id, c.arbitration_applied_on, c.arbitration_accepted_on,
         c.arbitration_extended
    FROM cases c
   WHERE c.status NOT IN ('closed', 'withdrawn', 'rejected')
     AND c.arbitration_applied_on IS NOT NULL AND c.arbitration_awarded_on IS NULL`;

/**
 * Each worker of an open case not yet in arbitration, with the dates his limitation year runs from:
 * when he knew (or the end of the claimed period), coming to the union, the agreement, the first payout.
 */
export const LIMITATIONS_SQL = `
  SELECT cl.id AS claim_id, cl.worker_id, w.name, c.id AS case_id, c.case_number, c.lawyer_id, c.mediator_id,
         COALESCE(cl.knew_on, cl.period_end, c.intake_date)::text AS knew_on, cl.employment_ongoing,
         cl.employment_ended_on::text AS employment_ended_on, c.intake_date::text AS intake_date,
         (SELECT a.signed_on::text FROM agreements a WHERE a.case_id = c.id) AS signed_on,
         (SELECT min(p.paid_on)::text FROM payouts p WHERE p.case_id = c.id AND p.paid_on <= $1) AS first_paid_on
    FROM claims cl JOIN cases c ON c.id = cl.case_id JOIN workers w ON w.id = cl.worker_id
   WHERE c.status NOT IN ('closed', 'withdrawn', 'rejected') AND c.arbitration_applied_on IS NULL`;

/** Workers still owed and the amount outstanding of every open case, as of the day: what a reminder tells. */
export const OPEN_CASE_MONEY_SQL = `
  SELECT cl.case_id,
         count(*) FILTER (WHERE COALESCE(cl.confirmed_fen, cl.claimed_fen) > COALESCE(paid.paid_fen, 0))::int AS workers_owed,
         SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen) - COALESCE(paid.paid_fen, 0))::text AS outstanding_fen
    FROM claims cl
    JOIN cases c ON c.id = cl.case_id AND c.status NOT IN ('closed', 'withdrawn', 'rejected')
    LEFT JOIN (SELECT claim_id, SUM(amount_fen) AS paid_fen FROM payouts WHERE paid_on <= $1 GROUP BY claim_id) paid
      ON paid.claim_id = cl.id
   GROUP BY cl.case_id`;
