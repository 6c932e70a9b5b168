import { Injectable } from '@nestjs/common';
import type { Actor, Scope } from '../auth/domain/actor';
import { assertCaseVisible, lockCase } from '../cases/cases.repository';
import type { ClosedCase } from '../cases/case-closings';
import { AppError } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { Transactions, Tx } from '../database/transactions';
import { CaseEventsService } from '../timeline/case-events.service';
import type { CallbackFiguresRow, CallbackReminderRow, CallbackRow } from './callback.record';
import { CallbacksRepository } from './callbacks.repository';
import { answerProblems, assertAnswerable, assertAwaitingFollowUp, callbackAssignee, callbackDueOn, type Satisfaction } from './domain/callback-rules';
import { AnswerCallbackDto, FollowUpCallbackDto } from './dto/callback.dto';

/**
 * Callbacks after closing (回访): scheduled when a case is closed, answered by whoever calls, and a
 * "not satisfied" answer followed up by a leader. The reminders ask it what falls due; the reports,
 * its counts.
 */
@Injectable()
export class CallbacksService {
  constructor(
    private readonly clock: Clock,
    private readonly events: CaseEventsService,
    private readonly repository: CallbacksRepository,
    private readonly transactions: Transactions,
  ) {}

  /** The case was closed: its callback is due the policy's number of days later, for its mediator (else its lawyer). */
  async scheduleAfterClosing(tx: Tx, closedCase: ClosedCase, closedOn: string): Promise<void> {
    const days = await this.repository.daysAfterClosing(tx);
    await this.repository.insert(tx, { caseId: closedCase.id, assigneeId: callbackAssignee(closedCase), closedOn, dueOn: callbackDueOn(closedOn, days) });
  }

  /** The case was taken back from closed: its callback, if not made yet, no longer waits (closing it again schedules another). */
  async cancelOnReopening(tx: Tx, caseId: string): Promise<void> {
    await this.repository.cancelOpen(tx, caseId);
  }

  async ofCase(caseId: string, scope: Scope): Promise<CallbackRow[]> {
    await assertCaseVisible(this.transactions.none, caseId, scope);
    return this.repository.ofCase(this.transactions.none, caseId);
  }

  /** Callbacks of the scope due by today, not yet made; with `mine`, those the actor must make. */
  async due(actor: Actor, mine: boolean): Promise<CallbackRow[]> {
    return this.repository.due(this.transactions.none, actor.scope.path, shanghaiDate(this.clock.now()), mine ? actor.id : null);
  }

  /** Answers "not satisfied" that wait for a leader of the scope. */
  async unsatisfied(scope: Scope): Promise<CallbackRow[]> {
    return this.repository.unsatisfied(this.transactions.none, scope.path);
  }

  async answer(caseId: string, callbackId: string, dto: AnswerCallbackDto, actor: Actor): Promise<CallbackRow> {
    const today = shanghaiDate(this.clock.now());
    const calledOn = dto.calledOn ?? today;
    return this.transactions.run(async (tx) => {
      await lockCase(tx, caseId, actor.scope);
      const callback = await this.locked(tx, caseId, callbackId);
      assertAnswerable(callback.status);
      const problems = answerProblems({ reached: dto.reached, satisfaction: dto.satisfaction, calledOn }, { closedOn: callback.closed_on, today });
      if (problems.length > 0) throw AppError.invalid(problems);
      const note = dto.note?.trim() || null;
      await this.repository.answer(tx, callback.id, {
        reached: dto.reached,
        spokeWith: dto.spokeWith?.trim() || null,
        satisfaction: dto.satisfaction ?? null,
        note,
        calledOn,
        answeredById: actor.id,
      });
      await this.events.append(tx, {
        caseId,
        kind: 'callback_answered',
        actorId: actor.id,
        happenedOn: calledOn,
        data: { callbackId: callback.id, reached: dto.reached, ...(dto.satisfaction && { satisfaction: dto.satisfaction }), ...(note && { note }) },
      });
      return this.repository.one(tx, callback.id);
    });
  }

  /**
   * The worker rated his concluded case on the public lookup page: the rating answers the case's callback
   * if it still waits (no call is then needed, and "not satisfied" waits for a leader as a call's would).
   * A callback already answered keeps its answer: the figures count one answer per callback.
   */
  async answerByWorker(tx: Tx, caseId: string, rating: { workerName: string; satisfaction: Satisfaction; comment: string | null; on: string }): Promise<boolean> {
    const callbackId = await this.repository.answerOnline(tx, caseId, { spokeWith: rating.workerName, satisfaction: rating.satisfaction, note: rating.comment, on: rating.on });
    if (!callbackId) return false;
    await this.events.append(tx, {
      caseId,
      kind: 'callback_answered',
      actorId: null,
      happenedOn: rating.on,
      data: { callbackId, reached: true, satisfaction: rating.satisfaction, online: true, ...(rating.comment && { note: rating.comment }) },
    });
    return true;
  }

  /** A leader says what he did about a "not satisfied" answer; the reminders to the leaders stop. */
  async followUp(caseId: string, callbackId: string, dto: FollowUpCallbackDto, actor: Actor): Promise<CallbackRow> {
    const note = dto.note.trim();
    if (note.length < 2) throw AppError.invalidField('note', 'REQUIRED');
    const today = shanghaiDate(this.clock.now());
    return this.transactions.run(async (tx) => {
      await lockCase(tx, caseId, actor.scope);
      const callback = await this.locked(tx, caseId, callbackId);
      assertAwaitingFollowUp({ satisfaction: callback.satisfaction, followedUp: callback.followed_up_by_id !== null });
      await this.repository.followUp(tx, callback.id, actor.id, note);
      await this.events.append(tx, { caseId, kind: 'callback_followed_up', actorId: actor.id, happenedOn: today, data: { callbackId: callback.id, note } });
      return this.repository.one(tx, callback.id);
    });
  }

  async daysAfterClosing(): Promise<number> {
    return this.repository.daysAfterClosing(this.transactions.none);
  }

  async setDaysAfterClosing(days: number): Promise<number> {
    await this.transactions.run((tx) => this.repository.setDaysAfterClosing(tx, days));
    return days;
  }

  /** The callbacks due in a period on a scope's cases, counted per group: what the reports turn into rates. */
  counts(scopePath: string, period: { from: string; to: string }, by: 'total' | 'organisation' | 'mediator' | 'lawyer'): Promise<CallbackFiguresRow[]> {
    return this.repository.figures(this.transactions.none, scopePath, period.from, period.to, by);
  }

  /** Open callbacks due between two days, with who must make each: for the sweep. */
  fallingDue(from: string, to: string): Promise<CallbackReminderRow[]> {
    return this.repository.fallingDue(this.transactions.none, from, to);
  }

  /** "Not satisfied" answers of those days not followed up, once per leader whose scope holds the case: for the sweep. */
  unsatisfiedForLeaders(from: string, to: string): Promise<CallbackReminderRow[]> {
    return this.repository.unsatisfiedForLeaders(this.transactions.none, from, to);
  }

  private async locked(tx: Tx, caseId: string, callbackId: string): Promise<CallbackRow> {
    const callback = await this.repository.lock(tx, caseId, callbackId.toLowerCase());
    if (!callback) throw new AppError('CALLBACK_NOT_FOUND');
    return callback;
  }
}
