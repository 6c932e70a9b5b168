import { Injectable } from '@nestjs/common';
import { Actor, Scope } from '../auth/domain/actor';
import { assertCaseVisible, lockCase } from '../cases/cases.repository';
import { CasesService } from '../cases/cases.service';
import { reopenedByCorrection } from '../cases/domain/case-status';
import { eventDayProblems } from '../cases/domain/event-days';
import { fen } from '../claims/claim-input';
import { ClaimsService } from '../claims/claims.service';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { Page, PageQuery, offsetOf } from '../common/http/pagination';
import { fenFromDb, formatYuan } from '../common/money/money';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { Transactions, Tx } from '../database/transactions';
import { CaseEventsService } from '../timeline/case-events.service';
import { LedgerEntry, Replacement, assertMayApprove, assertPending, correctionEntries } from './domain/correction-rules';
import { ApproveCorrectionDto, RejectCorrectionDto, RequestCorrectionDto } from './dto/payout.dto';
import { CorrectionRow, LedgerEntryRow, PayoutsRepository } from './payouts.repository';

/**
 * Corrections to the payout ledger with four eyes: one person asks (a mediator, who records payouts),
 * another approves (a leader or an administrator whose scope holds the case); only then do the
 * correcting entries reach the ledger, and with them every balance, instalment, clock and report.
 */
@Injectable()
export class PayoutCorrectionsService {
  constructor(
    private readonly cases: CasesService,
    private readonly claims: ClaimsService,
    private readonly clock: Clock,
    private readonly events: CaseEventsService,
    private readonly repository: PayoutsRepository,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Asks for a payout to be corrected. Checked now as it would be on approval (the payout still
   * standing, the replacement within what the worker may be paid), so an approver is not asked to
   * decide what cannot be done; it changes no money.
   */
  async request(caseId: string, payoutId: string, dto: RequestCorrectionDto, actor: Actor): Promise<CorrectionRow> {
    const reason = dto.reason.trim();
    const problems: FieldProblem[] = [];
    if (reason.length < 2) problems.push({ field: 'reason', code: 'REQUIRED' });
    if (dto.action === 'void') {
      for (const field of ['claimId', 'amount', 'paidOn', 'receiptReference'] as const) {
        if (dto[field] !== undefined) problems.push({ field, code: 'NOT_WITH_VOID' });
      }
    }
    if (problems.length > 0) throw AppError.invalid(problems);
    const today = shanghaiDate(this.clock.now());

    return this.transactions.run(async (tx) => {
      const record = await lockCase(tx, caseId, actor.scope);
      const original = await this.ledgerEntry(tx, caseId, payoutId);
      const replacement: Replacement | null =
        dto.action === 'void'
          ? null
          : {
              claimId: dto.claimId?.toLowerCase() ?? original.claimId,
              amountFen: dto.amount === undefined ? original.amountFen : fen(dto.amount),
              paidOn: dto.paidOn ?? original.paidOn,
            };
      if (replacement && dto.paidOn !== undefined) {
        const dayProblems = eventDayProblems('paidOn', replacement.paidOn, { intakeDate: record.intakeDate, today });
        if (dayProblems.length > 0) throw AppError.invalid(dayProblems);
      }
      correctionEntries(original, replacement, await this.balancesFor(tx, caseId, original, replacement));

      const correctionId = await this.repository.insertCorrection(tx, {
        caseId,
        payoutId,
        replacement,
        receiptReference: replacement ? dto.receiptReference?.trim() || null : null,
        reason,
        requestedById: actor.id,
      });
      const correction = await this.repository.correction(tx, correctionId);
      await this.events.append(tx, {
        caseId,
        kind: 'payout_correction_requested',
        actorId: actor.id,
        happenedOn: today,
        data: { correctionId, ...correctionFacts(correction) },
      });
      return correction;
    });
  }

  /**
   * Approves a correction: under the case's lock, checks it again against the money as it now stands,
   * appends the reversal and the replacement to the ledger, and takes a case closed as paid in full
   * that now owes money back to paying (domain/case-status.ts, reopenedByCorrection).
   */
  async approve(caseId: string, correctionId: string, dto: ApproveCorrectionDto, actor: Actor): Promise<CorrectionRow> {
    const today = shanghaiDate(this.clock.now());
    return this.transactions.run(async (tx) => {
      const record = await lockCase(tx, caseId, actor.scope);
      const correction = await this.lockedCorrection(tx, caseId, correctionId);
      assertPending(correction.status);
      assertMayApprove(correction.requested_by_id, actor.id);
      const original = await this.ledgerEntry(tx, caseId, correction.payout_id);
      const replacement = replacementOf(correction);
      const { reversal } = correctionEntries(original, replacement, await this.balancesFor(tx, caseId, original, replacement));

      const entry = {
        caseId,
        payerKind: original.payerKind,
        channel: original.channel,
        heldIn: original.heldIn,
        batchId: null,
        recordedById: correction.requested_by_id,
        correctionId,
      };
      await this.repository.insertPayouts(tx, [
        { ...entry, ...reversal, receiptReference: original.receiptReference },
        ...(replacement
          ? [{ ...entry, ...replacement, receiptReference: correction.receipt_reference ?? original.receiptReference, reversesPayoutId: null }]
          : []),
      ]);
      await this.repository.decideCorrection(tx, correctionId, 'approved', actor.id, dto.note?.trim() || null);
      await this.events.append(tx, {
        caseId,
        kind: 'payout_corrected',
        actorId: actor.id,
        happenedOn: today,
        data: { correctionId, ...correctionFacts(correction), requestedById: correction.requested_by_id, note: dto.note?.trim() || undefined },
      });

      const totals = (await this.claims.totals(tx, [caseId])).get(caseId)!;
      if (reopenedByCorrection(record.status, record.outcome, totals.outstandingFen)) {
        await this.cases.moveAutomatically(tx, record, 'correction_reopened', actor.id, today);
      }
      return this.repository.correction(tx, correctionId);
    });
  }

  /** Rejects a correction; the ledger is untouched. Its requester, if he may decide, withdraws it this way. */
  async reject(caseId: string, correctionId: string, dto: RejectCorrectionDto, actor: Actor): Promise<CorrectionRow> {
    const note = dto.note.trim();
    if (note.length < 2) throw AppError.invalidField('note', 'REQUIRED');
    const today = shanghaiDate(this.clock.now());
    return this.transactions.run(async (tx) => {
      await lockCase(tx, caseId, actor.scope);
      const correction = await this.lockedCorrection(tx, caseId, correctionId);
      assertPending(correction.status);
      await this.repository.decideCorrection(tx, correctionId, 'rejected', actor.id, note);
      await this.events.append(tx, {
        caseId,
        kind: 'payout_correction_rejected',
        actorId: actor.id,
        happenedOn: today,
        data: { correctionId, ...correctionFacts(correction), note },
      });
      return this.repository.correction(tx, correctionId);
    });
  }

  async listOfCase(caseId: string, scope: Scope): Promise<CorrectionRow[]> {
    await assertCaseVisible(this.transactions.none, caseId, scope);
    return this.repository.correctionsOfCase(this.transactions.none, caseId);
  }

  /** What waits for a second pair of eyes across the scope, oldest first. */
  async pending(query: PageQuery, scope: Scope): Promise<Page<CorrectionRow>> {
    const { total, rows } = await this.repository.pendingInScope(this.transactions.none, scope.path, query.pageSize, offsetOf(query));
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }

  private async ledgerEntry(tx: Tx, caseId: string, payoutId: string): Promise<LedgerEntry & StandingDetails> {
    const row = await this.repository.ledgerEntry(tx, caseId, payoutId.toLowerCase());
    if (!row) throw new AppError('PAYOUT_NOT_FOUND');
    return toLedgerEntry(row);
  }

  private async lockedCorrection(tx: Tx, caseId: string, correctionId: string): Promise<CorrectionRow> {
    const correction = await this.repository.lockCorrection(tx, caseId, correctionId.toLowerCase());
    if (!correction) throw new AppError('CORRECTION_NOT_FOUND');
    return correction;
  }

  private balancesFor(tx: Tx, caseId: string, original: LedgerEntry, replacement: Replacement | null) {
    return this.claims.balances(tx, caseId, [...new Set([original.claimId, ...(replacement ? [replacement.claimId] : [])])]);
  }
}

/** What a replacement entry copies from the original: who paid, how, the receipt, and where the money is held. */
interface StandingDetails {
  payerKind: LedgerEntryRow['payer_kind'];
  channel: LedgerEntryRow['channel'];
  receiptReference: string | null;
  heldIn: LedgerEntryRow['held_in'];
}

function toLedgerEntry(row: LedgerEntryRow): LedgerEntry & StandingDetails {
  return {
    id: row.id,
    claimId: row.claim_id,
    amountFen: fenFromDb(row.amount_fen),
    paidOn: row.paid_on,
    reversesPayoutId: row.reverses_payout_id,
    reversed: row.reversed,
    payerKind: row.payer_kind,
    channel: row.channel,
    receiptReference: row.receipt_reference,
    heldIn: row.held_in,
  };
}

function replacementOf(correction: CorrectionRow): Replacement | null {
  if (correction.claim_id === null) return null;
  return { claimId: correction.claim_id, amountFen: fenFromDb(correction.amount_fen!), paidOn: correction.paid_on! };
}

/** The correction as the timeline tells it: the payout as recorded, what it should have been, and why. */
function correctionFacts(correction: CorrectionRow): Record<string, unknown> {
  return {
    payoutId: correction.payout_id,
    worker: correction.original_worker_name,
    amount: formatYuan(fenFromDb(correction.original_amount_fen)),
    paidOn: correction.original_paid_on,
    action: correction.claim_id === null ? 'void' : 'replace',
    ...(correction.claim_id === null
      ? {}
      : {
          correctedWorker: correction.worker_name,
          correctedAmount: formatYuan(fenFromDb(correction.amount_fen!)),
          correctedPaidOn: correction.paid_on,
        }),
    reason: correction.reason,
  };
}
