import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import type { ATTENDANCE_PARTIES, AgreementSchedule, SessionOutcome } from './dto/mediation.dto';
import {
  AGREEMENTS_OF_CASES_SQL,
  INSTALMENTS_OF_AGREEMENTS_SQL,
  OVERLAPPING_SESSIONS_SQL,
  PAYOUTS_COUNTED_BY_AGREEMENTS_SQL,
  SESSION_COLUMNS,
  SESSION_FROM,
  SessionRow,
} from './mediation.sql';

export interface RoomRow {
  id: string;
  organisation_id: string;
  name: string;
}

/** A session that overlaps one being booked, for the same mediator or room. */
export interface SessionClashRow {
  mediator_id: string;
  room_id: string | null;
  starts_at: Date;
  case_number: string;
}

export interface Attendance {
  party: (typeof ATTENDANCE_PARTIES)[number];
  name: string;
  workerId: string | null;
  employerId: string | null;
  present: boolean;
}

export interface NewSession {
  caseId: string;
  mediatorId: string;
  roomId: string | null;
  place: string | null;
  startsAt: Date;
  endsAt: Date;
}

/** Which sessions the agenda shows: Asia/Shanghai days from `from` to `to`, both included. */
export interface AgendaFilter {
  from: string;
  to: string;
  mediatorId?: string;
  roomId?: string;
}

export interface NewAgreement {
  caseId: string;
  signedOn: string;
  totalFen: bigint;
  schedule: AgreementSchedule;
  terms: string | null;
  instalments: { claimId: string | null; dueOn: string; amountFen: bigint }[];
}

export interface AgreementRow {
  id: string;
  case_id: string;
  signed_on: string;
  schedule: AgreementSchedule;
  total_fen: string;
  terms: string | null;
  version: number;
}

export interface InstalmentRow {
  id: string;
  agreement_id: string;
  claim_id: string | null;
  due_on: string;
  amount_fen: string;
}

/** A payout an agreement counts towards its instalments. */
export interface CountedPayoutRow {
  case_id: string;
  claim_id: string;
  paid_on: string;
  amount_fen: string;
}

/** A worker named on the printed agreement, with what the case says he is owed. */
export interface AgreementWorkerRow {
  claim_id: string;
  name: string;
  id_number_sealed: string;
  confirmed_fen: string | null;
  claimed_fen: string;
}

/**
 * The mediation tables: rooms, sessions and their attendance, a case's representatives, agreements
 * and their instalments. Claims, workers, cases and payouts are only read here.
 */
@Injectable()
export class MediationRepository {
  async organisationInScope(tx: Tx, organisationId: string, scopePath: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT id FROM organisations WHERE id = $1 AND path LIKE $2 || '%'`, [
      organisationId,
      scopePath,
    ]);
    return rows.length > 0;
  }

  async insertRoom(tx: Tx, organisationId: string, name: string): Promise<RoomRow> {
    const [room]: RoomRow[] = await tx.query(
      `INSERT INTO mediation_rooms (organisation_id, name) VALUES ($1, $2) RETURNING id, organisation_id, name`,
      [organisationId, name],
    );
    return room;
  }

  async roomsInScope(tx: Tx, scopePath: string): Promise<RoomRow[]> {
    return tx.query(
      `SELECT r.id, r.organisation_id, r.name FROM mediation_rooms r JOIN organisations o ON o.id = r.organisation_id
        WHERE o.path LIKE $1 || '%' ORDER BY r.name`,
      [scopePath],
    );
  }

  async roomInScope(tx: Tx, roomId: string, scopePath: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT r.id FROM mediation_rooms r JOIN organisations o ON o.id = r.organisation_id WHERE r.id = $1 AND o.path LIKE $2 || '%'`,
      [roomId, scopePath],
    );
    return rows.length > 0;
  }

  /**
   * Takes the booking locks of a mediator and a room until the transaction ends (no room: a lock
   * shared by all bookings without one). Always in the same order, so two bookings that need the
   * same two locks cannot deadlock each other.
   */
  async lockBookings(tx: Tx, mediatorId: string, roomId: string | null): Promise<void> {
    for (const key of [`mediator:${mediatorId}`, `room:${roomId ?? ''}`].sort()) {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
    }
  }

  async overlappingSessions(
    tx: Tx,
    mediatorId: string,
    roomId: string | null,
    startsAt: Date,
    endsAt: Date,
  ): Promise<SessionClashRow[]> {
    return tx.query(OVERLAPPING_SESSIONS_SQL, [mediatorId, roomId, startsAt, endsAt]);
  }

  /** Returns the new session's id. */
  async insertSession(tx: Tx, session: NewSession): Promise<string> {
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO mediation_sessions (case_id, mediator_id, room_id, place, starts_at, ends_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [session.caseId, session.mediatorId, session.roomId, session.place, session.startsAt, session.endsAt],
    );
    return id;
  }

  /** A session of the case, locked until the transaction ends. */
  async lockSession(
    tx: Tx,
    caseId: string,
    sessionId: string,
  ): Promise<{ status: string; version: number; startsAt: Date } | undefined> {
    const [session]: { status: string; version: number; startsAt: Date }[] = await tx.query(
      `SELECT status, version, starts_at AS "startsAt" FROM mediation_sessions WHERE id = $1 AND case_id = $2 FOR UPDATE`,
      [sessionId, caseId],
    );
    return session;
  }

  async markSessionHeld(
    tx: Tx,
    sessionId: string,
    outcome: SessionOutcome,
    adjournedTo: string | null,
    notes: string | null,
  ): Promise<void> {
    await tx.query(
      `UPDATE mediation_sessions SET status = 'held', outcome = $2, adjourned_to = $3, notes = $4,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [sessionId, outcome, adjournedTo, notes],
    );
  }

  /** Who came; a person already listed for the session has his presence corrected. */
  async recordAttendance(tx: Tx, sessionId: string, attendance: Attendance[]): Promise<void> {
    for (const person of attendance) {
      await tx.query(
        `INSERT INTO session_attendance (session_id, party, name, worker_id, employer_id, present) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (session_id, party, name) DO UPDATE SET present = EXCLUDED.present`,
        [sessionId, person.party, person.name, person.workerId, person.employerId, person.present],
      );
    }
  }

  async cancelSession(tx: Tx, sessionId: string): Promise<void> {
    await tx.query(
      `UPDATE mediation_sessions SET status = 'cancelled', version = version + 1, updated_at = now() WHERE id = $1`,
      [sessionId],
    );
  }

  async sessionsOfCase(tx: Tx, caseId: string): Promise<SessionRow[]> {
    return tx.query(`SELECT ${SESSION_COLUMNS} ${SESSION_FROM} WHERE s.case_id = $1 ORDER BY s.starts_at`, [caseId]);
  }

  /** Sessions not cancelled, of cases in the scope, by start. */
  async agenda(tx: Tx, scopePath: string, filter: AgendaFilter): Promise<SessionRow[]> {
    const conditions = [`o.path LIKE $1 || '%'`, `s.status <> 'cancelled'`];
    const params: unknown[] = [scopePath, filter.from, filter.to];
    conditions.push(`s.starts_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    conditions.push(`s.starts_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
    if (filter.mediatorId) {
      params.push(filter.mediatorId);
      conditions.push(`s.mediator_id = $${params.length}`);
    }
    if (filter.roomId) {
      params.push(filter.roomId);
      conditions.push(`s.room_id = $${params.length}`);
    }
    return tx.query(`SELECT ${SESSION_COLUMNS} ${SESSION_FROM} WHERE ${conditions.join(' AND ')} ORDER BY s.starts_at`, params);
  }

  async sessionInScope(tx: Tx, caseId: string, sessionId: string, scopePath: string): Promise<SessionRow | undefined> {
    const [row]: SessionRow[] = await tx.query(
      `SELECT ${SESSION_COLUMNS} ${SESSION_FROM} WHERE s.id = $1 AND s.case_id = $2 AND o.path LIKE $3 || '%'`,
      [sessionId, caseId, scopePath],
    );
    return row;
  }

  /** Those of `workerIds` who have a claim in the case. */
  async claimantsAmong(tx: Tx, caseId: string, workerIds: string[]): Promise<Set<string>> {
    const rows: { worker_id: string }[] = await tx.query(
      `SELECT worker_id FROM claims WHERE case_id = $1 AND worker_id = ANY($2::uuid[])`,
      [caseId, workerIds],
    );
    return new Set(rows.map((row) => row.worker_id));
  }

  /** The case's representatives are replaced as a whole: an election names all of them. */
  async replaceRepresentatives(tx: Tx, caseId: string, workerIds: string[], electedOn: string): Promise<void> {
    await tx.query(`DELETE FROM case_representatives WHERE case_id = $1`, [caseId]);
    await tx.query(
      `INSERT INTO case_representatives (case_id, worker_id, elected_on) SELECT $1, unnest($2::uuid[]), $3`,
      [caseId, workerIds, electedOn],
    );
  }

  /** The agreement and its instalments; returns the agreement's id. */
  async insertAgreement(tx: Tx, agreement: NewAgreement): Promise<string> {
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO agreements (case_id, signed_on, total_fen, schedule, terms) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [agreement.caseId, agreement.signedOn, agreement.totalFen.toString(), agreement.schedule, agreement.terms],
    );
    await tx.query(
      `INSERT INTO instalments (agreement_id, claim_id, due_on, amount_fen)
       SELECT $1, * FROM unnest($2::uuid[], $3::date[], $4::bigint[])`,
      [
        id,
        agreement.instalments.map((i) => i.claimId),
        agreement.instalments.map((i) => i.dueOn),
        agreement.instalments.map((i) => i.amountFen.toString()),
      ],
    );
    return id;
  }

  async agreementsOfCases(tx: Tx, caseIds: string[]): Promise<AgreementRow[]> {
    return tx.query(AGREEMENTS_OF_CASES_SQL, [caseIds]);
  }

  async instalmentsOfAgreements(tx: Tx, agreementIds: string[]): Promise<InstalmentRow[]> {
    return tx.query(INSTALMENTS_OF_AGREEMENTS_SQL, [agreementIds]);
  }

  /** The payouts each agreement counts: made from its signing day up to `on`. */
  async payoutsCountedByAgreements(tx: Tx, agreementIds: string[], on: string): Promise<CountedPayoutRow[]> {
    return tx.query(PAYOUTS_COUNTED_BY_AGREEMENTS_SQL, [agreementIds, on]);
  }

  /** The case's workers for the printed agreement, in the case's order (the roster's, claims.position). */
  async workersOfAgreement(tx: Tx, caseId: string): Promise<AgreementWorkerRow[]> {
    return tx.query(
      `SELECT c.id AS claim_id, w.name, w.id_number_sealed, c.confirmed_fen, c.claimed_fen
         FROM claims c JOIN workers w ON w.id = c.worker_id WHERE c.case_id = $1 ORDER BY c.position`,
      [caseId],
    );
  }
}
