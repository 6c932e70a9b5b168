import { Injectable } from '@nestjs/common';
import { Actor, Scope } from '../auth/domain/actor';
import { assertCaseVisible, lockOpenCase } from '../cases/cases.repository';
import { CasesService } from '../cases/cases.service';
import { fen } from '../claims/claim-input';
import { fenFromDb, formatYuan } from '../common/money/money';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { AgreementStanding, MediationService } from '../mediation/mediation.service';
import type { InstalmentStanding } from '../mediation/domain/instalments';
import { WorkingCalendar } from '../calendar/domain/working-calendar';
import { groupBy } from '../common/collections';
import { Transactions } from '../database/transactions';
import { CaseEventsService } from '../timeline/case-events.service';
import { CaseFacts, ClockKind, Conclusion, DayRange, Deadline, HoldingDays, caseDeadlines, daysTheClocksHold, isRunning, workerLimitation } from './domain/legal-clocks';
import { LegalDatesDto } from './dto/legal-clocks.dto';
import { HolidaysService } from '../calendar/holidays.service';
import { ComputedPending, LegalClocksRepository } from './legal-clocks.repository';
import { Page, PageQuery, offsetOf } from '../common/http/pagination';
import { addDays } from '../common/time/calendar-days';
import { CaseClockFactsRow, WorkerClockFactsRow } from './legal-clocks.sql';

export interface CaseClocks {
  caseId: string;
  caseNumber: string;
  today: string;
  deadlines: Deadline[];
  /** One limitation clock per worker (LDMAA art. 27). */
  workers: (Deadline & { workerName: string })[];
}

/** A case's clocks with what the reminders need to address them: its people, its claims, its instalments. */
export interface CaseClockSet extends CaseClocks {
  lawyerId: string | null;
  mediatorId: string | null;
  /** The workers' clocks again, each with the claim it belongs to. */
  claims: { claimId: string; workerName: string; limitation: Deadline }[];
  /** The agreement's instalments as matched against the payouts up to `today`. */
  instalments: InstalmentStanding[];
  /** The days for which these clocks give the same answer but for the days left (`daysTheClocksHold`). */
  holds: HoldingDays;
}

/**
 * A running deadline as stored for a case (`refreshPending`), with the case's people; a worker's
 * limitation year (whose subject is the worker) with his claim on the case.
 */
export interface StoredDeadline {
  caseId: string;
  clock: ClockKind;
  subject: string;
  dueOn: string;
  lawyerId: string | null;
  mediatorId: string | null;
  claimId: string | null;
}

/** A pressing deadline of a case, for the list of what is due. */
export type DueDeadline = Deadline & { caseId: string; caseNumber: string; workerName?: string };

/** Cases whose facts are loaded in one go: large enough to keep the statements few, small enough to bound memory. */
const CASES_PER_BATCH = 2_000;

/**
 * Gathers the dates the law counts from (the case's own, its timeline, its agreement, its claims)
 * and lets the pure clocks in domain/legal-clocks.ts say what is due. The dates are computed every
 * time, never stored: a corrected date or a new holiday schedule changes every answer at once.
 * The case page, the list of what is due and the reminder sweep all ask `clocksOf`, so they can
 * never name different days.
 */
@Injectable()
export class LegalClocksService {
  constructor(
    private readonly cases: CasesService,
    private readonly clock: Clock,
    private readonly events: CaseEventsService,
    private readonly holidays: HolidaysService,
    private readonly mediation: MediationService,
    private readonly repository: LegalClocksRepository,
    private readonly transactions: Transactions,
  ) {}

  async forCase(caseId: string, scope: Scope): Promise<CaseClocks> {
    await assertCaseVisible(this.transactions.none, caseId, scope);
    const [clocks] = await this.clocksOf([caseId], shanghaiDate(this.clock.now()));
    const { caseNumber, today, deadlines, workers } = clocks;
    return { caseId, caseNumber, today, deadlines, workers };
  }

  /**
   * What is due within `within` days, or overdue, across the open cases of the scope, soonest first
   * (the most overdue at the top), a page at a time: counted and paged from the stored running
   * deadlines (brought up to date first), and the page's cases computed again, so that what is shown
   * is what their case pages show.
   */
  async dueAcross(scope: Scope, within: number, query: PageQuery): Promise<Page<DueDeadline>> {
    const today = shanghaiDate(this.clock.now());
    await this.refreshPending(today);
    const by = addDays(today, within);
    const tx = this.transactions.none;
    const [total, rows] = await Promise.all([
      this.repository.pendingCount(tx, scope.path, by),
      this.repository.pendingPage(tx, scope.path, by, offsetOf(query), query.pageSize),
    ]);
    const clocks = new Map((await this.clocksOf([...new Set(rows.map((row) => row.case_id))], today)).map((set) => [set.caseId, set]));
    const items = rows.flatMap((row): DueDeadline[] => {
      const set = clocks.get(row.case_id);
      const deadline = set && [...set.deadlines, ...set.workers][row.position];
      // a case written to since this reading's refresh: the next reading has its new deadlines
      if (!set || !deadline || deadline.clock !== row.clock || deadline.subject !== row.subject || !isRunning(deadline)) return [];
      return [{ ...deadline, caseId: set.caseId, caseNumber: set.caseNumber }];
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * The running deadlines of the open cases due within their clock's window (one window per clock), as
   * stored for `today` (brought up to date first): what the reminder sweep fires for, read without
   * computing a clock; it computes the clocks only of the cases it then reminds of.
   */
  async pendingFallingDue(due: Partial<Record<ClockKind, DayRange>>, today: string): Promise<StoredDeadline[]> {
    await this.refreshPending(today);
    const rows = await this.repository.pendingFallingDue(this.transactions.none, due);
    return rows.map((row) => ({
      caseId: row.case_id,
      clock: row.clock,
      subject: row.subject,
      dueOn: row.due_on,
      lawyerId: row.lawyer_id,
      mediatorId: row.mediator_id,
      claimId: row.claim_id,
    }));
  }

  /**
   * Brings the stored running deadlines up to date for `today`: the cases written to since they were
   * computed, and those computed for a day their answer does not hold on, are computed again (a batch
   * at a time) and stored. Usually a few cases: the background refresh (PendingDeadlinesRefresher)
   * keeps up with the writes. Returns how many cases were computed.
   */
  async refreshPending(today: string): Promise<number> {
    // a calendar counted otherwise than what is stored (new holiday data, a year more covered): every open case again
    const fingerprint = (await this.holidays.calendar()).fingerprint();
    await this.transactions.run((tx) => this.repository.recordCalendar(tx, fingerprint));
    const due = await this.repository.casesToRecompute(this.transactions.none, today);
    const marks = new Map(due.map((row) => [row.case_id, row.mark]));
    let computed = 0;
    for await (const batch of this.clockBatches([...marks.keys()], today)) {
      const pending = batch.map(
        (set): ComputedPending => ({
          caseId: set.caseId,
          mark: marks.get(set.caseId)!,
          holds: set.holds,
          deadlines: [...set.deadlines, ...set.workers].flatMap((deadline, position) =>
            isRunning(deadline) ? [{ position, clock: deadline.clock, subject: deadline.subject, dueOn: deadline.dueOn }] : [],
          ),
        }),
      );
      if (pending.length > 0) await this.transactions.run((tx) => this.repository.storePending(tx, pending));
      computed += pending.length;
    }
    return computed;
  }

  /**
   * The clocks of many cases as of `today`, in the order of `caseIds`, found with a few statements per
   * batch of cases however many there are. The one place the law's deadlines are computed.
   */
  async clocksOf(caseIds: string[], today: string, options: { workersOf?: ReadonlySet<string> } = {}): Promise<CaseClockSet[]> {
    const result: CaseClockSet[] = [];
    for await (const batch of this.clockBatches(caseIds, today, options)) result.push(...batch);
    return result;
  }

  /**
   * clocksOf a batch at a time, so that a city's clocks need not be held at once. On a server a batch's
   * statements run side by side, and the next batch's facts are read while this one is computed. With
   * `workersOf`, only those cases get their workers' limitation clocks; the others come with none.
   */
  async *clockBatches(caseIds: string[], today: string, options: { workersOf?: ReadonlySet<string> } = {}): AsyncGenerator<CaseClockSet[]> {
    const calendar = await this.holidays.calendar();
    const factsOf = (start: number) => {
      const batch = caseIds.slice(start, start + CASES_PER_BATCH);
      const withWorkers = options.workersOf ? batch.filter((id) => options.workersOf!.has(id)) : batch;
      return Promise.all([
        batch,
        this.repository.caseClockFacts(this.transactions.none, batch, today),
        withWorkers.length === 0 ? [] : this.repository.workerClockFacts(this.transactions.none, withWorkers, today),
        this.mediation.agreementsOf(batch, today),
      ] as const);
    };
    let next = caseIds.length > 0 ? factsOf(0) : null;
    for (let start = 0; next !== null; start += CASES_PER_BATCH) {
      const [batch, cases, claims, agreements] = await next;
      next = start + CASES_PER_BATCH < caseIds.length ? factsOf(start + CASES_PER_BATCH) : null;
      // a batch that failed while this one was computed must not go unhandled; the loop awaits it next
      next?.catch(() => {});
      const claimsOf = groupBy(claims, (claim) => claim.case_id);
      const byId = new Map(cases.map((row) => [row.id, row]));
      const result: CaseClockSet[] = [];
      for (const caseId of batch) {
        const row = byId.get(caseId);
        if (row) result.push(clocksOfCase(row, claimsOf.get(caseId) ?? [], agreements.get(caseId) ?? null, today, calendar));
      }
      yield result;
    }
  }

  async setLegalDates(caseId: string, dto: LegalDatesDto, actor: Actor): Promise<void> {
    await this.transactions.run(async (tx) => {
      const record = await lockOpenCase(tx, caseId, actor.scope);
      const { bureauOrderAmount, ...dates } = dto;
      const written = await this.cases.recordLegalDates(tx, record, {
        ...dates,
        ...(bureauOrderAmount !== undefined && { bureauOrderAmountFen: bureauOrderAmount === null ? null : fen(bureauOrderAmount) }),
      });
      if (!written) return;
      const recorded = Object.fromEntries(
        Object.entries(dto).map(([key, value]) => [key, key === 'bureauOrderAmount' && value ? formatYuan(fen(value as string)) : value]),
      );
      await this.events.append(tx, { caseId, kind: 'legal_dates_recorded', actorId: actor.id, data: recorded });
    });
  }
}

function clocksOfCase(
  row: CaseClockFactsRow,
  claims: WorkerClockFactsRow[],
  agreement: AgreementStanding | null,
  today: string,
  calendar: WorkingCalendar,
): CaseClockSet {
  const concluded = conclusionOf(row);
  const facts: CaseFacts = {
    // The union's mediation organisation receives the application when the case first goes into mediation.
    mediationAppliedOn: row.mediating_since,
    // Leaving mediation by withdrawing the case is its conclusion, not the step the period waited for.
    mediationEndedOn: agreement?.signedOn ?? (row.mediation_left === concluded?.on ? null : row.mediation_left),
    arbitrationAppliedOn: row.arbitration_applied_on,
    arbitrationAcceptedOn: row.arbitration_accepted_on,
    arbitrationExtended: row.arbitration_extended,
    arbitrationAwardedOn: row.arbitration_awarded_on,
    paymentOrderAppliedOn: row.payment_order_applied_on,
    paymentOrderIssuedOn: row.payment_order_issued_on,
    paymentOrderServedOn: row.payment_order_served_on,
    labourBureauOrder: row.bureau_order_pay_by
      ? {
          orderedPayBy: row.bureau_order_pay_by,
          amountDueFen: fenFromDb(row.bureau_order_amount_fen),
          paidInFullOn: row.status === 'closed' && row.outcome === 'paid_in_full' ? row.closed_on : null,
        }
      : null,
    instalments: (agreement?.instalments ?? []).map((i) => ({
      id: i.id,
      dueOn: i.dueOn,
      amountFen: i.amountFen,
      paidFen: i.paidFen,
      paidInFullOn: i.paidInFullOn,
    })),
    concluded,
  };
  // Coming to the union is seeking help, and an agreement or a payment is the employer agreeing to
  // pay: each restarts the year (LDMAA art. 27 para. 2).
  const interruptions = [row.intake_date, agreement?.signedOn, row.first_paid_on].filter((d): d is string => !!d);
  const claimClocks = claims.map((claim) => ({
    claimId: claim.claim_id,
    workerName: claim.name,
    limitation: workerLimitation(
      {
        workerId: claim.worker_id,
        knewOn: claim.knew_on ?? claim.period_end ?? row.intake_date,
        employmentEndedOn: claim.employment_ended_on,
        employmentOngoing: claim.employment_ongoing,
        interruptions,
        arbitrationAppliedOn: row.arbitration_applied_on,
        balance: { paidFen: fenFromDb(claim.paid_fen), outstandingFen: fenFromDb(claim.outstanding_fen), lastPaidOn: claim.last_paid_on },
        caseConcluded: facts.concluded,
      },
      today,
      calendar,
    ),
  }));
  return {
    caseId: row.id,
    caseNumber: row.case_number,
    lawyerId: row.lawyer_id,
    mediatorId: row.mediator_id,
    today,
    deadlines: caseDeadlines(facts, today, calendar),
    workers: claimClocks.map((claim) => ({ ...claim.limitation, workerName: claim.workerName })),
    claims: claimClocks,
    instalments: agreement?.instalments ?? [],
    // every date read, from the rows as they came (a date added to the facts is counted without being named here)
    holds: daysTheClocksHold(
      [row, ...claims, { signedOn: agreement?.signedOn }, ...(agreement?.instalments ?? []).map((i) => ({ paidInFullOn: i.paidInFullOn }))].flatMap(datesIn),
      today,
    ),
  };
}

/** The calendar days among an object's own values. */
function datesIn(record: object): string[] {
  return Object.values(record).filter((value): value is string => typeof value === 'string' && CALENDAR_DAY.test(value));
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day the case reached its final status and how it ended; null while it is open. */
function conclusionOf(row: CaseClockFactsRow): Conclusion | null {
  if (row.closed_on === null) return null;
  switch (row.status) {
    case 'closed':
      return { on: row.closed_on, as: row.outcome === 'partly_paid' ? 'partly_paid' : 'paid_in_full' };
    case 'withdrawn':
    case 'rejected':
      return { on: row.closed_on, as: row.status };
    default:
      return null;
  }
}
