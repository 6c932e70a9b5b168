import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor, Scope } from '../auth/domain/actor';
import { assertCaseVisible, lockOpenCase } from '../cases/cases.repository';
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
import { CaseEventsService } from '../timeline/case-events.service';
import { PayoutLine, checkPayouts } from './domain/payout-rules';
import { PayoutListQuery, RecordPayoutsDto } from './dto/payout.dto';
import type { Payout } from './payout.record';
import type { PayoutsRecordedView } from './payout.view';
import { PayoutsRepository } from './payouts.repository';

export interface PayoutRow {
  payout: Payout;
  workerName: string;
  /** The approved correction whose reversal took this payout back, if one did. */
  reversedByCorrectionId: string | null;
}

@Injectable()
export class PayoutsService {
  constructor(
    private readonly cases: CasesService,
    private readonly claims: ClaimsService,
    private readonly clock: Clock,
    private readonly events: CaseEventsService,
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
      }));
      await this.repository.insertPayouts(tx, rows);
      const total = formatYuan(sumFen(lines.map((line) => line.amountFen)));
      await this.events.append(tx, {
        caseId,
        kind: 'payouts_recorded',
        actorId: actor.id,
        happenedOn: dto.paidOn,
        data: { batchId, workers: new Set(lines.map((l) => l.claimId)).size, total, paidOn: dto.paidOn, payerKind: dto.payerKind, channel: dto.channel },
      });
      await this.cases.moveAutomatically(tx, record, 'first_payout', actor.id, dto.paidOn);
      return { batchId, recorded: rows.length, total };
    });
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
        },
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
