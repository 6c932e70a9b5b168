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
import { CaseFacts, Conclusion, Deadline, caseDeadlines, workerLimitation } from './domain/legal-clocks';
import { LegalDatesDto } from './dto/legal-clocks.dto';
import { HolidaysService } from '../calendar/holidays.service';
import { LegalClocksRepository } from './legal-clocks.repository';
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
}

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

  /** What is due within `within` days, or overdue, across the open cases of the scope, soonest first. */
  async dueAcross(scope: Scope, within: number): Promise<(Deadline & { caseId: string; caseNumber: string; workerName?: string })[]> {
    const today = shanghaiDate(this.clock.now());
    const due: (Deadline & { caseId: string; caseNumber: string; workerName?: string })[] = [];
    for (const clocks of await this.clocksOf(await this.openCaseIds(scope.path), today)) {
      for (const deadline of [...clocks.deadlines, ...clocks.workers]) {
        // A clock that stopped (a claim filed after its year ran out stays overdue) asks nothing more of anyone.
        const stopped = deadline.endedOn !== undefined;
        const pressing =
          !stopped &&
          (deadline.state === 'overdue' || deadline.state === 'due_today' || (deadline.state === 'running' && (deadline.daysLeft ?? Infinity) <= within));
        if (pressing) due.push({ ...deadline, caseId: clocks.caseId, caseNumber: clocks.caseNumber });
      }
    }
    return due.sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0));
  }

  /** The open cases under an organisation's path ('' for the whole city), oldest first. */
  async openCaseIds(scopePath: string): Promise<string[]> {
    return this.repository.openCaseIds(this.transactions.none, scopePath);
  }

  /**
   * The clocks of many cases as of `today`, in the order of `caseIds`, found with a few statements per
   * batch of cases however many there are. The one place the law's deadlines are computed.
   */
  async clocksOf(caseIds: string[], today: string): Promise<CaseClockSet[]> {
    const calendar = await this.holidays.calendar();
    const result: CaseClockSet[] = [];
    for (let start = 0; start < caseIds.length; start += CASES_PER_BATCH) {
      const batch = caseIds.slice(start, start + CASES_PER_BATCH);
      const cases = await this.repository.caseClockFacts(this.transactions.none, batch, today);
      const claims = await this.repository.workerClockFacts(this.transactions.none, batch, today);
      const agreements = await this.mediation.agreementsOf(batch, today);
      const claimsOf = groupBy(claims, (claim) => claim.case_id);
      const byId = new Map(cases.map((row) => [row.id, row]));
      for (const caseId of batch) {
        const row = byId.get(caseId);
        if (row) result.push(clocksOfCase(row, claimsOf.get(caseId) ?? [], agreements.get(caseId) ?? null, today, calendar));
      }
    }
    return result;
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
  };
}

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
