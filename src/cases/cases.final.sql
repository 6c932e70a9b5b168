-- Written by src/sql-snapshots.spec.ts from cases.sql.ts: every statement it exports, whole. Do not edit.

-- CASE_IN_SCOPE_SQL
SELECT c.id, c.organisation_id AS "organisationId", c.case_number AS "caseNumber",
       c.intake_channel AS "intakeChannel", c.intake_date AS "intakeDate", c.project_id AS "projectId",
       c.lawyer_id AS "lawyerId", c.mediator_id AS "mediatorId", c.status, c.outcome,
       c.status_reason AS "statusReason", c.referred_to AS "referredTo", c.summary,
       c.consultation_id AS "consultationId", c.version, c.created_at AS "createdAt",
       c.updated_at AS "updatedAt", c.closed_at AS "closedAt", c.closed_on::text AS "closedOn"
  FROM cases c JOIN organisations o ON o.id = c.organisation_id
 WHERE c.id = $1 AND o.path LIKE $2 || '%';

-- CASE_VISIBLE_SQL
SELECT EXISTS (
  SELECT 1 FROM cases c JOIN organisations o ON o.id = c.organisation_id
   WHERE c.id = $1 AND o.path LIKE $2 || '%') AS visible;

-- INSERT_CASE_EMPLOYERS_SQL
INSERT INTO case_employers (case_id, employer_id, role)
SELECT $1::uuid, link.employer_id, link.role FROM unnest($2::uuid[], $3::text[]) AS link (employer_id, role);

-- INSERT_CASE_EVIDENCE_SQL
INSERT INTO case_evidence (case_id, kind, description, received_on)
SELECT $1::uuid, item.kind, item.description, item.received_on
  FROM unnest($2::text[], $3::text[], $4::date[]) AS item (kind, description, received_on);

-- INSERT_CASE_SQL
WITH numbered AS (
  INSERT INTO case_number_counters (organisation_id, year, last_number) VALUES ($1, $9, 1)
  ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = case_number_counters.last_number + 1
  RETURNING last_number
)
INSERT INTO cases AS c (organisation_id, case_number, intake_channel, intake_date, summary, project_id,
                        lawyer_id, mediator_id, status)
SELECT $1, $2::text || '-' || $9::int::text || '-' || lpad(numbered.last_number::text, greatest(5, length(numbered.last_number::text)), '0'), $3, $4, $5, $6, $7, $8, 'received'
  FROM numbered
RETURNING c.id, c.organisation_id AS "organisationId", c.case_number AS "caseNumber",
       c.intake_channel AS "intakeChannel", c.intake_date AS "intakeDate", c.project_id AS "projectId",
       c.lawyer_id AS "lawyerId", c.mediator_id AS "mediatorId", c.status, c.outcome,
       c.status_reason AS "statusReason", c.referred_to AS "referredTo", c.summary,
       c.consultation_id AS "consultationId", c.version, c.created_at AS "createdAt",
       c.updated_at AS "updatedAt", c.closed_at AS "closedAt", c.closed_on::text AS "closedOn";

-- LOCK_CASE_SQL
SELECT c.id, c.organisation_id AS "organisationId", c.case_number AS "caseNumber",
       c.intake_channel AS "intakeChannel", c.intake_date AS "intakeDate", c.project_id AS "projectId",
       c.lawyer_id AS "lawyerId", c.mediator_id AS "mediatorId", c.status, c.outcome,
       c.status_reason AS "statusReason", c.referred_to AS "referredTo", c.summary,
       c.consultation_id AS "consultationId", c.version, c.created_at AS "createdAt",
       c.updated_at AS "updatedAt", c.closed_at AS "closedAt", c.closed_on::text AS "closedOn"
  FROM cases c JOIN organisations o ON o.id = c.organisation_id
 WHERE c.id = $1 AND o.path LIKE $2 || '%'
   FOR UPDATE OF c;

-- UPDATE_CASE_SQL
UPDATE cases
   SET organisation_id = $2, case_number = $3, intake_channel = $4, intake_date = $5, project_id = $6,
       lawyer_id = $7, mediator_id = $8, status = $9, outcome = $10, status_reason = $11, referred_to = $12,
       summary = $13, consultation_id = $14,
       closed_at = CASE WHEN date_trunc('milliseconds', closed_at) IS NOT DISTINCT FROM $15 THEN closed_at ELSE $15 END,
       closed_on = $16,
       version = version + 1, updated_at = now()
 WHERE id = $1
RETURNING version, updated_at AS "updatedAt";
