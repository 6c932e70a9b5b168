/** The callbacks' statements; callbacks.repository.ts runs them. */

export const CALLBACKS_SQL = `
  SELECT k.id, k.case_id, c.case_number, k.assignee_id, au.display_name AS assignee_name, k.closed_on::text, k.due_on::text,
         k.status, k.reached, k.spoke_with, k.satisfaction, k.note, k.called_on::text,
         k.answered_by_id, bu.display_name AS answered_by_name, k.answered_online, k.answered_at,
         k.follow_up_note, k.followed_up_by_id, fu.display_name AS followed_up_by_name, k.followed_up_at
    FROM case_callbacks k
    JOIN cases c ON c.id = k.case_id
    LEFT JOIN users au ON au.id = k.assignee_id
    LEFT JOIN users bu ON bu.id = k.answered_by_id
    LEFT JOIN users fu ON fu.id = k.followed_up_by_id`;

/** The organisations of a scope: $1 its path. */
const IN_SCOPE = `c.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1 || '%')`;

/** Open callbacks of the scope due by $2, the earliest first; with $3 only those someone ($3) must make. */
export const DUE_CALLBACKS_SQL = `${CALLBACKS_SQL}
   WHERE k.status = 'open' AND k.due_on <= $2::date AND ${IN_SCOPE} AND ($3::uuid IS NULL OR k.assignee_id = $3)
   ORDER BY k.due_on, c.case_number
   LIMIT 200`;

/** Callbacks of the scope answered "not satisfied" that no leader has followed up, the oldest first. */
export const UNSATISFIED_CALLBACKS_SQL = `${CALLBACKS_SQL}
   WHERE k.satisfaction = 'not_satisfied' AND k.followed_up_by_id IS NULL AND ${IN_SCOPE}
   ORDER BY k.called_on, c.case_number
   LIMIT 200`;

/**
 * The callbacks due in the period ($2 to $3) on the cases of the scope ($1), not cancelled, counted per
 * group: the case's organisation, its mediator or its lawyer (`key` null: none), or all of them.
 */
export function callbackFiguresSql(by: 'total' | 'organisation' | 'mediator' | 'lawyer'): string {
  const key = { total: 'NULL::uuid', organisation: 'c.organisation_id', mediator: 'c.mediator_id', lawyer: 'c.lawyer_id' }[by];
  const label = { total: 'NULL::text', organisation: 'o.name', mediator: 'mu.display_name', lawyer: 'lu.display_name' }[by];
  return `
  SELECT ${key}::text AS key, ${label} AS label,
         count(*)::int AS due,
         count(*) FILTER (WHERE k.status = 'answered')::int AS answered,
         count(*) FILTER (WHERE k.reached)::int AS reached,
         count(*) FILTER (WHERE k.satisfaction = 'satisfied')::int AS satisfied,
         count(*) FILTER (WHERE k.satisfaction = 'basically_satisfied')::int AS basically_satisfied,
         count(*) FILTER (WHERE k.satisfaction = 'not_satisfied')::int AS not_satisfied
    FROM case_callbacks k
    JOIN cases c ON c.id = k.case_id
    JOIN organisations o ON o.id = c.organisation_id
    LEFT JOIN users mu ON mu.id = c.mediator_id
    LEFT JOIN users lu ON lu.id = c.lawyer_id
   WHERE k.status <> 'cancelled' AND k.due_on BETWEEN $2::date AND $3::date AND o.path LIKE $1 || '%'
   GROUP BY 1, 2
   ORDER BY 3 DESC, 2`;
}

/** Open callbacks due between $1 and $2, each with who must make it: the sweep's callback reminders. */
export const CALLBACKS_FALLING_DUE_SQL = `
  SELECT k.id, k.case_id, c.case_number, k.closed_on::text, k.due_on::text AS on, k.assignee_id AS recipient_id
    FROM case_callbacks k JOIN cases c ON c.id = k.case_id
   WHERE k.status = 'open' AND k.due_on BETWEEN $1::date AND $2::date AND k.assignee_id IS NOT NULL`;

/**
 * Callbacks answered "not satisfied" between $1 and $2 that no leader has followed up, once per active
 * leader whose scope holds the case: the sweep's reminders to them.
 */
export const UNSATISFIED_FOR_LEADERS_SQL = `
  SELECT k.id, k.case_id, c.case_number, k.closed_on::text, k.called_on::text AS on, u.id AS recipient_id
    FROM case_callbacks k
    JOIN cases c ON c.id = k.case_id
    JOIN organisations o ON o.id = c.organisation_id
    JOIN users u ON 'leader' = ANY (u.roles) AND u.active
    JOIN organisations lo ON lo.id = u.organisation_id AND o.path LIKE lo.path || '%'
   WHERE k.satisfaction = 'not_satisfied' AND k.followed_up_by_id IS NULL AND k.called_on BETWEEN $1::date AND $2::date`;
