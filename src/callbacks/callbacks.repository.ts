import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import type { CallbackFiguresRow, CallbackReminderRow, CallbackRow } from './callback.record';
import {
  CALLBACKS_FALLING_DUE_SQL,
  CALLBACKS_SQL,
  DUE_CALLBACKS_SQL,
  UNSATISFIED_CALLBACKS_SQL,
  UNSATISFIED_FOR_LEADERS_SQL,
  callbackFiguresSql,
} from './callbacks.sql';
import type { Satisfaction } from './domain/callback-rules';

export interface NewCallback {
  caseId: string;
  assigneeId: string | null;
  closedOn: string;
  dueOn: string;
}

export interface RecordedAnswer {
  reached: boolean;
  spokeWith: string | null;
  satisfaction: Satisfaction | null;
  note: string | null;
  calledOn: string;
  answeredById: string;
}

/** The callbacks after closing and their policy: the only code that reads or writes case_callbacks and callback_policy. */
@Injectable()
export class CallbacksRepository {
  async daysAfterClosing(tx: Tx): Promise<number> {
    const [{ days }]: { days: number }[] = await tx.query(`SELECT days_after_closing AS days FROM callback_policy`);
    return days;
  }

  async setDaysAfterClosing(tx: Tx, days: number): Promise<void> {
    await tx.query(`UPDATE callback_policy SET days_after_closing = $1, updated_at = now()`, [days]);
  }

  async insert(tx: Tx, callback: NewCallback): Promise<void> {
    await tx.query(`INSERT INTO case_callbacks (case_id, assignee_id, closed_on, due_on) VALUES ($1, $2, $3, $4)`, [
      callback.caseId,
      callback.assigneeId,
      callback.closedOn,
      callback.dueOn,
    ]);
  }

  /** The open callback of a case no longer closed stops waiting. */
  async cancelOpen(tx: Tx, caseId: string): Promise<void> {
    await tx.query(`UPDATE case_callbacks SET status = 'cancelled' WHERE case_id = $1 AND status = 'open'`, [caseId]);
  }

  /** A callback of the case, locked until the transaction ends. */
  async lock(tx: Tx, caseId: string, callbackId: string): Promise<CallbackRow | undefined> {
    const [row]: CallbackRow[] = await tx.query(`${CALLBACKS_SQL} WHERE k.case_id = $1 AND k.id = $2 FOR UPDATE OF k`, [caseId, callbackId]);
    return row;
  }

  async one(tx: Tx, callbackId: string): Promise<CallbackRow> {
    const [row]: CallbackRow[] = await tx.query(`${CALLBACKS_SQL} WHERE k.id = $1`, [callbackId]);
    return row;
  }

  async answer(tx: Tx, callbackId: string, answer: RecordedAnswer): Promise<void> {
    await tx.query(
      `UPDATE case_callbacks
          SET status = 'answered', reached = $2, spoke_with = $3, satisfaction = $4, note = $5, called_on = $6,
              answered_by_id = $7, answered_at = now()
        WHERE id = $1`,
      [callbackId, answer.reached, answer.spokeWith, answer.satisfaction, answer.note, answer.calledOn, answer.answeredById],
    );
  }

  /** The case's callback still waiting, answered by the worker himself online; its id, or null when none waits. */
  async answerOnline(tx: Tx, caseId: string, answer: { spokeWith: string; satisfaction: Satisfaction; note: string | null; on: string }): Promise<string | null> {
    const [row]: { id: string }[] = await tx.query(
      `UPDATE case_callbacks
          SET status = 'answered', reached = true, spoke_with = $2, satisfaction = $3, note = $4, called_on = $5,
              answered_online = true, answered_at = now()
        WHERE case_id = $1 AND status = 'open' AND closed_on <= $5::date
        RETURNING id`,
      [caseId, answer.spokeWith, answer.satisfaction, answer.note, answer.on],
    );
    return row?.id ?? null;
  }

  async followUp(tx: Tx, callbackId: string, leaderId: string, note: string): Promise<void> {
    await tx.query(
      `UPDATE case_callbacks SET follow_up_note = $2, followed_up_by_id = $3, followed_up_at = now() WHERE id = $1`,
      [callbackId, note, leaderId],
    );
  }

  ofCase(tx: Tx, caseId: string): Promise<CallbackRow[]> {
    return tx.query(`${CALLBACKS_SQL} WHERE k.case_id = $1 ORDER BY k.created_at DESC, k.id`, [caseId]);
  }

  due(tx: Tx, scopePath: string, by: string, assigneeId: string | null): Promise<CallbackRow[]> {
    return tx.query(DUE_CALLBACKS_SQL, [scopePath, by, assigneeId]);
  }

  unsatisfied(tx: Tx, scopePath: string): Promise<CallbackRow[]> {
    return tx.query(UNSATISFIED_CALLBACKS_SQL, [scopePath]);
  }

  figures(tx: Tx, scopePath: string, from: string, to: string, by: 'total' | 'organisation' | 'mediator' | 'lawyer'): Promise<CallbackFiguresRow[]> {
    return tx.query(callbackFiguresSql(by), [scopePath, from, to]);
  }

  fallingDue(tx: Tx, from: string, to: string): Promise<CallbackReminderRow[]> {
    return tx.query(CALLBACKS_FALLING_DUE_SQL, [from, to]);
  }

  unsatisfiedForLeaders(tx: Tx, from: string, to: string): Promise<CallbackReminderRow[]> {
    return tx.query(UNSATISFIED_FOR_LEADERS_SQL, [from, to]);
  }
}
