import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import type { CaseEvent } from './case-event.record';

/** The `case_events` table: the only place that reads or writes it. It is append-only. */
@Injectable()
export class TimelineRepository {
  /**
   * Appends events in one statement, inside the caller's unit of work; their ids (identity) rise in
   * the order given.
   */
  async insert(tx: Tx, events: Omit<CaseEvent, 'id'>[]): Promise<void> {
    await tx.query(
      `INSERT INTO case_events (case_id, kind, from_status, to_status, data, actor_id, occurred_at, happened_on)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::uuid[], $7::timestamptz[],
                            $8::date[])`,
      [
        events.map((event) => event.caseId),
        events.map((event) => event.kind),
        events.map((event) => event.fromStatus),
        events.map((event) => event.toStatus),
        events.map((event) => JSON.stringify(event.data)),
        events.map((event) => event.actorId),
        events.map((event) => event.occurredAt),
        events.map((event) => event.happenedOn),
      ],
    );
  }

  /**
   * A page of a case's timeline in the order it was recorded, and how many events it has. Each event
   * says the day it happened; the order stays the recording's, so an entry made late for last week
   * is found where it was made (undated entries such as an assignment have only that order).
   */
  async pageOfCase(tx: Tx, caseId: string, offset: number, limit: number): Promise<{ items: CaseEvent[]; total: number }> {
    const items: CaseEvent[] = await tx.query(
      `SELECT id, case_id AS "caseId", kind, from_status AS "fromStatus", to_status AS "toStatus", data,
              actor_id AS "actorId", happened_on::text AS "happenedOn", occurred_at AS "occurredAt"
         FROM case_events
        WHERE case_id = $1
        ORDER BY id
        LIMIT $2 OFFSET $3`,
      [caseId, limit, offset],
    );
    const [{ total }]: { total: number }[] = await tx.query(`SELECT count(*)::int AS total FROM case_events WHERE case_id = $1`, [
      caseId,
    ]);
    return { items, total };
  }

  /** The day of the case's latest status change, as it happened, or null before its first. */
  async lastStatusChangeOn(tx: Tx, caseId: string): Promise<string | null> {
    const [row]: { day: string | null }[] = await tx.query(
      `SELECT max(happened_on)::text AS day FROM case_events WHERE case_id = $1 AND kind = 'status_changed'`,
      [caseId],
    );
    return row.day;
  }
}
