-- Written by src/sql-snapshots.spec.ts from cases.sql.ts: every statement it exports, whole. Do not edit.

-- NEXT_CASE_NUMBER_SQL
INSERT INTO case_number_counters (organisation_id, year, last_number) VALUES ($1, $2, 1)
ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = case_number_counters.last_number + 1
RETURNING last_number;
