-- Written by src/sql-snapshots.spec.ts from callbacks.sql.ts: every statement it exports, whole. Do not edit.

-- CALLBACKS_FALLING_DUE_SQL
SELECT k.id, k.case_id, c.case_number, k.closed_on::text, k.due_on::text AS on, k.assignee_id AS recipient_id
  FROM case_callbacks k JOIN cases c ON c.id = k.case_id
 WHERE k.status = 'open' AND k.due_on BETWEEN $1::date AND $2::date AND k.assignee_id IS NOT NULL;

-- CALLBACKS_SQL
SELECT k.id, k.case_id, c.case_number, k.assignee_id, au.display_name AS assignee_name, k.closed_on::text, k.due_on::text,
       k.status, k.reached, k.spoke_with, k.satisfaction, k.note, k.called_on::text,
       k.answered_by_id, bu.display_name AS answered_by_name, k.answered_online, k.answered_at,
       k.follow_up_note, k.followed_up_by_id, fu.display_name AS followed_up_by_name, k.followed_up_at
  FROM case_callbacks k
  JOIN cases c ON c.id = k.case_id
  LEFT JOIN users au ON au.id = k.assignee_id
  LEFT JOIN users bu ON bu.id = k.answered_by_id
  LEFT JOIN users fu ON fu.id = k.followed_up_by_id;

-- DUE_CALLBACKS_SQL
SELECT k.id, k.case_id, c.case_number, k.assignee_id, au.display_name AS assignee_name, k.closed_on::text, k.due_on::text,
       k.status, k.reached, k.spoke_with, k.satisfaction, k.note, k.called_on::text,
       k.answered_by_id, bu.display_name AS answered_by_name, k.answered_online, k.answered_at,
       k.follow_up_note, k.followed_up_by_id, fu.display_name AS followed_up_by_name, k.followed_up_at
  FROM case_callbacks k
  JOIN cases c ON c.id = k.case_id
  LEFT JOIN users au ON au.id = k.assignee_id
  LEFT JOIN users bu ON bu.id = k.answered_by_id
  LEFT JOIN users fu ON fu.id = k.followed_up_by_id
 WHERE k.status = 'open' AND k.due_on <= $2::date AND c.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1 || '%') AND ($3::uuid IS NULL OR k.assignee_id = $3)
 ORDER BY k.due_on, c.case_number
 LIMIT 200;

-- UNSATISFIED_CALLBACKS_SQL
SELECT k.id, k.case_id, c.case_number, k.assignee_id, au.display_name AS assignee_name, k.closed_on::text, k.due_on::text,
       k.status, k.reached, k.spoke_with, k.satisfaction, k.note, k.called_on::text,
       k.answered_by_id, bu.display_name AS answered_by_name, k.answered_online, k.answered_at,
       k.follow_up_note, k.followed_up_by_id, fu.display_name AS followed_up_by_name, k.followed_up_at
  FROM case_callbacks k
  JOIN cases c ON c.id = k.case_id
  LEFT JOIN users au ON au.id = k.assignee_id
  LEFT JOIN users bu ON bu.id = k.answered_by_id
  LEFT JOIN users fu ON fu.id = k.followed_up_by_id
 WHERE k.satisfaction = 'not_satisfied' AND k.followed_up_by_id IS NULL AND c.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1 || '%')
 ORDER BY k.called_on, c.case_number
 LIMIT 200;

-- UNSATISFIED_FOR_LEADERS_SQL
SELECT k.id, k.case_id, c.case_number, k.closed_on::text, k.called_on::text AS on, u.id AS recipient_id
  FROM case_callbacks k
  JOIN cases c ON c.id = k.case_id
  JOIN organisations o ON o.id = c.organisation_id
  JOIN users u ON 'leader' = ANY (u.roles) AND u.active
  JOIN organisations lo ON lo.id = u.organisation_id AND o.path LIKE lo.path || '%'
 WHERE k.satisfaction = 'not_satisfied' AND k.followed_up_by_id IS NULL AND k.called_on BETWEEN $1::date AND $2::date;
