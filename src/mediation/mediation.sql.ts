import { claimPayDaysSql } from '../claims/claim-money.sql';
import type { SessionOutcome, SessionStatus } from './dto/mediation.dto';

/** Sessions that would overlap a new one for the same mediator or room (cancelled ones free their slot). */
export const OVERLAPPING_SESSIONS_SQL = `
  SELECT s.id, s.mediator_id, s.room_id, s.starts_at, c.case_number
    FROM mediation_sessions s JOIN cases c ON c.id = s.case_id
   WHERE s.status <> 'cancelled'
     AND (s.mediator_id = $1 OR s.room_id = $2)
     AND s.starts_at < $4 AND $3 < s.ends_at`;

export const SESSION_COLUMNS = `
  s.id, s.case_id, c.case_number, s.mediator_id, u.display_name AS mediator_name, s.room_id, r.name AS room_name,
  s.place, s.starts_at, s.ends_at, s.status, s.outcome, s.adjourned_to, s.notes, s.version`;

export const SESSION_FROM = `
  FROM mediation_sessions s
  JOIN cases c ON c.id = s.case_id
  JOIN organisations o ON o.id = c.organisation_id
  JOIN users u ON u.id = s.mediator_id
  LEFT JOIN mediation_rooms r ON r.id = s.room_id`;

export interface SessionRow {
  id: string;
  case_id: string;
  case_number: string;
  mediator_id: string;
  mediator_name: string;
  room_id: string | null;
  room_name: string | null;
  place: string | null;
  starts_at: Date;
  ends_at: Date;
  status: SessionStatus;
  outcome: SessionOutcome | null;
  adjourned_to: string | null;
  notes: string | null;
  version: number;
}

/**
 * The agreements of many cases with their instalments, and the payouts each agreement counts (made
 * from its signing day up to the day asked about): what matchInstalments needs, in three statements
 * however many cases there are.
 */
export const AGREEMENTS_OF_CASES_SQL = `
  SELECT a.id, a.case_id, a.signed_on, a.schedule, a.total_fen, a.terms, a.version
    FROM agreements a WHERE a.case_id = ANY($1::uuid[])`;

export const INSTALMENTS_OF_AGREEMENTS_SQL = `
  SELECT i.id, i.agreement_id, i.claim_id, i.due_on, i.amount_fen
    FROM instalments i WHERE i.agreement_id = ANY($1::uuid[])
   ORDER BY i.due_on, i.id`;

// Each worker's pay days net of corrections (claimPayDaysSql) of the agreements' cases, from each
// signing day; the agreements are looked up one by one from the list (for 2,000 of them PostgreSQL
// otherwise estimated a scan of every agreement cheaper).
export const PAYOUTS_COUNTED_BY_AGREEMENTS_SQL = `
  WITH agreed AS (SELECT a.case_id, a.signed_on FROM agreements a WHERE a.id IN (SELECT unnest($1::uuid[])))
  SELECT p.case_id, p.claim_id, p.paid_on, p.amount_fen
    FROM agreed a
    JOIN (${claimPayDaysSql('ARRAY(SELECT case_id FROM agreed)')}) p ON p.case_id = a.case_id AND p.paid_on >= a.signed_on AND p.paid_on <= $2`;
