import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor, Scope } from '../auth/domain/actor';
import { assertCaseVisible, lockCase, lockOpenCase } from '../cases/cases.repository';
import { CasesService } from '../cases/cases.service';
import { eventDayProblems } from '../cases/domain/event-days';
import { fen } from '../claims/claim-input';
import { ClaimsService } from '../claims/claims.service';
import { AppError } from '../common/errors/app-error';
import { Page, offsetOf } from '../common/http/pagination';
import { fenFromDb, formatYuan, sumFen } from '../common/money/money';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { Transactions } from '../database/transactions';
import { OrganisationsService } from '../organisations/organisations.service';
import { CaseEventsService } from '../timeline/case-events.service';
import { assertHandover } from './domain/held-money';
import { PayoutLine, checkPayouts } from './domain/payout-rules';
import { HandoverDto, HeldMoneyQuery, PayoutListQuery, RecordPayoutsDto } from './dto/payout.dto';
import type { Payout } from './payout.record';
import type { PayoutsRecordedView } from './payout.view';
import { HeldByAgeRow, HeldMoneyRow, PayoutsRepository } from './payouts.repository';

export interface PayoutRow {
  payout: Payout;
  workerName: string;
  /** The approved correction whose reversal took this payout back, if one did. */
  reversedByCorrectionId: string | null;
  /** Money held for the worker, once handed over to him. */
  handover: { handedOverOn: string; channel: Payout['channel']; receiptReference: string | null } | null;
}

/** Money held for workers now, per organisation and by age, and one page of the sums held. */
export interface HeldMoney {
  byOrganisation: HeldByAgeRow[];
  page: Page<HeldMoneyRow>;
}

@Injectable()
export class PayoutsService {
  constructor(
    private readonly cases: CasesService,
    private readonly claims: ClaimsService,
    private readonly clock: Clock,
    private readonly events: CaseEventsService,
    private readonly organisations: OrganisationsService,
    private readonly repository: PayoutsRepository,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Records one payout or a whole pay day in one transaction. The case row is locked first, so the
   * outstanding amounts checked here cannot change until the payouts are written.
   */
  async record(caseId: string, dto: RecordPayoutsDto, actor: Actor): Promise<PayoutsRecordedView> {
    const today = shanghaiDate(this.clock.now());
    if (dto.paidOn > today) throw AppError.invalidField('paidOn', 'DATE_IN_FUTURE');
    const lines: PayoutLine[] = dto.items.map((item, index) => ({
      row: index + 1,
      claimId: item.claimId.toLowerCase(),
      amountFen: fen(item.amount),
    }));
    return this.transactions.run(async (tx) => {
      const record = await lockOpenCase(tx, caseId, actor.scope);
      const dayProblems = eventDayProblems('paidOn', dto.paidOn, { intakeDate: record.intakeDate, today });
      if (dayProblems.length > 0) throw AppError.invalid(dayProblems);
      const balances = await this.claims.balances(tx, caseId, [...new Set(lines.map((line) => line.claimId))]);
      checkPayouts(record.status, lines, balances);

      const batchId = randomUUID();
      const rows = dto.items.map((item, index) => ({
        caseId,
        claimId: lines[index].claimId,
        amountFen: lines[index].amountFen,
        paidOn: dto.paidOn,
        payerKind: dto.payerKind,
        channel: dto.channel,
        receiptReference: item.receiptReference?.trim() || null,
        batchId,
        recordedById: actor.id,
        heldIn: dto.heldIn ?? null,
      }));
      await this.repository.insertPayouts(tx, rows);
      const total = formatYuan(sumFen(lines.map((line) => line.amountFen)));
      await this.events.append(tx, {
        caseId,
        kind: 'payouts_recorded',
        actorId: actor.id,
        happenedOn: dto.paidOn,
        data: {
          batchId,
          workers: new Set(lines.map((l) => l.claimId)).size,
          total,
          paidOn: dto.paidOn,
          payerKind: dto.payerKind,
          channel: dto.channel,
          ...(dto.heldIn && { heldIn: dto.heldIn }),
        },
      });
      await this.cases.moveAutomatically(tx, record, 'first_payout', actor.id, dto.paidOn);
      return { batchId, recorded: rows.length, total };
    });
  }

  /**
   * Hands money held for a worker (代管) over to him: the day, the channel and the receipt. Only a held
   * payout still standing, once, and not before it was received.
   */
  async handOver(caseId: string, payoutId: string, dto: HandoverDto, actor: Actor): Promise<void> {
    const today = shanghaiDate(this.clock.now());
    await this.transactions.run(async (tx) => {
      await lockCase(tx, caseId, actor.scope);
      const payout = await this.repository.ledgerEntry(tx, caseId, payoutId.toLowerCase());
      if (!payout) throw new AppError('PAYOUT_NOT_FOUND');
      assertHandover(
        { heldIn: payout.held_in, reversesPayoutId: payout.reverses_payout_id, reversed: payout.reversed, handedOver: payout.handed_over, paidOn: payout.paid_on },
        dto.handedOverOn,
        today,
      );
      const receiptReference = dto.receiptReference?.trim() || null;
      await this.repository.insertHandover(tx, {
        payoutId: payout.id,
        caseId,
        handedOverOn: dto.handedOverOn,
        channel: dto.channel,
        receiptReference,
        recordedById: actor.id,
      });
      await this.events.append(tx, {
        caseId,
        kind: 'held_money_handed_over',
        actorId: actor.id,
        happenedOn: dto.handedOverOn,
        data: { payoutId: payout.id, amount: formatYuan(fenFromDb(payout.amount_fen)), heldIn: payout.held_in, channel: dto.channel },
      });
    });
  }

  /** The money held for workers on the cases of the scope (or of one organisation in it), by organisation and age, and one page of it. */
  async held(query: HeldMoneyQuery, scope: Scope): Promise<HeldMoney> {
    const path = query.organisationId ? (await this.organisations.get(query.organisationId, scope)).path : scope.path;
    const today = shanghaiDate(this.clock.now());
    const [byOrganisation, { total, rows }] = await Promise.all([
      this.repository.heldByAge(this.transactions.none, path, today),
      this.repository.heldPage(this.transactions.none, path, today, query.pageSize, offsetOf(query)),
    ]);
    return { byOrganisation, page: { items: rows, total, page: query.page, pageSize: query.pageSize } };
  }

  /** What of the money recovered on the cases opened in a period is still held, not in the workers' hands (the reports' split). */
  heldOfCasesOpened(scopePath: string, period: { from: string; to: string }): Promise<bigint> {
    return this.repository.heldOfCasesOpened(this.transactions.none, scopePath, period.from, period.to);
  }

  async list(caseId: string, query: PayoutListQuery, scope: Scope): Promise<Page<PayoutRow>> {
    await assertCaseVisible(this.transactions.none, caseId, scope);
    const { total, rows } = await this.repository.pageOfCase(
      this.transactions.none,
      caseId,
      { claimId: query.claimId, paidOn: query.paidOn },
      query.pageSize,
      offsetOf(query),
    );
    return {
      items: rows.map((row) => ({
        workerName: String(row.worker_name),
        reversedByCorrectionId: row.reversed_by_correction_id,
        handover: row.handed_over_on
          ? { handedOverOn: row.handed_over_on, channel: row.handover_channel!, receiptReference: row.handover_receipt }
          : null,
        payout: {
          id: row.id,
          caseId: row.case_id,
          claimId: row.claim_id,
          amountFen: fenFromDb(row.amount_fen),
          paidOn: row.paid_on,
          payerKind: row.payer_kind,
          channel: row.channel,
          receiptReference: row.receipt_reference,
          batchId: row.batch_id,
          recordedById: row.recorded_by_id,
          createdAt: new Date(row.created_at),
          correctionId: row.correction_id,
          reversesPayoutId: row.reverses_payout_id,
          heldIn: row.held_in,
        },
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
