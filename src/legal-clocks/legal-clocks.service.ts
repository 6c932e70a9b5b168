import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Scope } from '../auth/domain/actor';
import { assertCaseVisible, lockOpenCase } from '../cases/case-lock';
import { fen } from '../claims/claim-input';
import { fenFromDb, formatYuan } from '../common/money/money';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { MediationService } from '../mediation/mediation.service';
import { AppError } from '../common/errors/app-error';
import { CaseEventsService } from '../timeline/case-events.service';
import { CaseFacts, Deadline, caseDeadlines, workerLimitation } from './domain/legal-clocks';
import { LegalDatesDto } from './dto/legal-clocks.dto';
import { HolidaysService } from '../calendar/holidays.service';

export interface CaseClocks {
  caseId: string;
  caseNumber: string;
  today: string;
  deadlines: Deadline[];
  /** One limitation clock per worker (LDMAA art. 27). */
  workers: (Deadline & { workerName: string })[];
}

/** Columns of `cases` the API sets through PATCH /cases/:id/legal-dates. */
const LEGAL_DATE_COLUMNS: Record<keyof Omit<LegalDatesDto, 'bureauOrderAmount'>, string> = {
  arbitrationAppliedOn: 'arbitration_applied_on',
  arbitrationAcceptedOn: 'arbitration_accepted_on',
  arbitrationExtended: 'arbitration_extended',
  arbitrationAwardedOn: 'arbitration_awarded_on',
  paymentOrderAppliedOn: 'payment_order_applied_on',
  paymentOrderIssuedOn: 'payment_order_issued_on',
  paymentOrderServedOn: 'payment_order_served_on',
  bureauOrderPayBy: 'bureau_order_pay_by',
};

/**
 * Gathers the dates the law counts from (the case's own, its timeline, its agreement, its claims)
 * and lets the pure clocks in domain/legal-clocks.ts say what is due. The dates are computed every
 * time, never stored: a corrected date or a new holiday schedule changes every answer at once.
 */
@Injectable()
export class LegalClocksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly holidays: HolidaysService,
    private readonly mediation: MediationService,
    private readonly events: CaseEventsService,
    private readonly clock: Clock,
  ) {}

  async forCase(caseId: string, scope: Scope): Promise<CaseClocks> {
    await assertCaseVisible(this.dataSource.manager, caseId, scope);
    const today = shanghaiDate(this.clock.now());
    const calendar = await this.holidays.calendar();
    const [row] = await this.dataSource.query(
      `SELECT c.*,
              (SELECT min(e.occurred_at) FROM case_events e WHERE e.case_id = c.id AND e.to_status = 'mediating') AS mediating_since,
              (SELECT min(e.occurred_at) FROM case_events e WHERE e.case_id = c.id AND e.from_status = 'mediating') AS mediation_left,
              (SELECT min(p.paid_on) FROM payouts p WHERE p.case_id = c.id) AS first_paid_on
         FROM cases c WHERE c.id = $1`,
      [caseId],
    );
    const agreement = await this.mediation.agreement(caseId, scope).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'AGREEMENT_NOT_FOUND') return null;
      throw error;
    });
    const day = (value: Date | string | null) => (value ? shanghaiDate(new Date(value)) : null);
    const facts: CaseFacts = {
      // The union's mediation organisation receives the application when the case goes into mediation.
      mediationAppliedOn: day(row.mediating_since),
      mediationEndedOn: agreement?.signedOn ?? day(row.mediation_left),
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
            paidInFullOn: row.status === 'closed' && row.outcome === 'paid_in_full' ? day(row.closed_at) : null,
          }
        : null,
      instalments: (agreement?.instalments ?? []).map((i) => ({
        id: i.id,
        dueOn: i.dueOn,
        amountFen: i.amountFen,
        paidFen: i.paidFen,
        paidInFullOn: i.paidInFullOn,
      })),
    };

    const claims: { worker_id: string; name: string; knew_on: string | null; period_end: string | null; employment_ongoing: boolean; employment_ended_on: string | null }[] =
      await this.dataSource.query(
        `SELECT cl.worker_id, w.name, cl.knew_on, cl.period_end, cl.employment_ongoing, cl.employment_ended_on
           FROM claims cl JOIN workers w ON w.id = cl.worker_id WHERE cl.case_id = $1 ORDER BY w.name, cl.id`,
        [caseId],
      );
    // Coming to the union is seeking help, and an agreement or a payment is the employer agreeing to
    // pay: each restarts the year (LDMAA art. 27 para. 2).
    const interruptions = [row.intake_date, agreement?.signedOn, row.first_paid_on].filter((d): d is string => !!d);
    const workers = claims.map((claim) => ({
      ...workerLimitation(
        {
          workerId: claim.worker_id,
          knewOn: claim.knew_on ?? claim.period_end ?? row.intake_date,
          employmentEndedOn: claim.employment_ended_on,
          employmentOngoing: claim.employment_ongoing,
          interruptions,
          arbitrationAppliedOn: row.arbitration_applied_on,
        },
        today,
        calendar,
      ),
      workerName: claim.name,
    }));
    return { caseId, caseNumber: row.case_number, today, deadlines: caseDeadlines(facts, today, calendar), workers };
  }

  /** What is due within `within` days, or overdue, across the open cases of the scope, soonest first. */
  async dueAcross(scope: Scope, within: number): Promise<(Deadline & { caseId: string; caseNumber: string; workerName?: string })[]> {
    const open: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM cases c JOIN organisations o ON o.id = c.organisation_id
        WHERE o.path LIKE $1 || '%' AND c.status NOT IN ('closed', 'withdrawn', 'rejected')
        ORDER BY c.intake_date`,
      [scope.path],
    );
    const due: (Deadline & { caseId: string; caseNumber: string; workerName?: string })[] = [];
    for (const { id } of open) {
      const clocks = await this.forCase(id, scope);
      for (const deadline of [...clocks.deadlines, ...clocks.workers]) {
        const pressing = deadline.state === 'overdue' || deadline.state === 'due_today' || (deadline.state === 'running' && (deadline.daysLeft ?? Infinity) <= within);
        if (pressing) due.push({ ...deadline, caseId: id, caseNumber: clocks.caseNumber });
      }
    }
    return due.sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0));
  }

  async setLegalDates(caseId: string, dto: LegalDatesDto, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockOpenCase(manager, caseId, actor.scope);
      const assignments: string[] = [];
      const params: unknown[] = [caseId];
      for (const [field, column] of Object.entries(LEGAL_DATE_COLUMNS)) {
        const value = dto[field as keyof typeof LEGAL_DATE_COLUMNS];
        if (value === undefined) continue;
        params.push(value);
        assignments.push(`${column} = $${params.length}`);
      }
      if (dto.bureauOrderAmount !== undefined) {
        params.push(dto.bureauOrderAmount === null ? null : fen(dto.bureauOrderAmount).toString());
        assignments.push(`bureau_order_amount_fen = $${params.length}`);
      }
      if (assignments.length === 0) return;
      await manager.query(`UPDATE cases SET ${assignments.join(', ')}, updated_at = now() WHERE id = $1`, params);
      const recorded = Object.fromEntries(
        Object.entries(dto).map(([key, value]) => [key, key === 'bureauOrderAmount' && value ? formatYuan(fen(value as string)) : value]),
      );
      await this.events.append(manager, { caseId, kind: 'legal_dates_recorded', actorId: actor.id, data: recorded });
    });
  }
}
