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
