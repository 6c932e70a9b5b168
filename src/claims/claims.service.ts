import { Injectable } from '@nestjs/common';
import { Actor, Scope } from '../auth/domain/actor';
import { CaseAccess } from './case-access';
import { eventDayProblems } from '../cases/domain/event-days';
import type { CaseStatus } from '../cases/domain/case-status';
import type { CaseTotals } from '../cases/domain/case-totals';
import { likePattern } from '../common/database-helpers';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-codes';
import { Page, offsetOf } from '../common/http/pagination';
import { fenFromDb, formatYuan, sumFen } from '../common/money/money';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { CaseEventsService, NewCaseEvent } from '../timeline/case-events.service';
import { nameMismatchProblem, otherClaimsTold, type OtherClaimTold } from '../workers/domain/disclosure';
import { WorkersService } from '../workers/workers.service';
import { ClaimInput, batchProblems, fen, toClaimInput } from './claim-input';
import { assertConfirmedCoversPaid } from './domain/confirmation';
import { assertSameVersion } from '../database/optimistic-update';
import { Transactions, Tx } from '../database/transactions';
import { caseTotalsFromRow } from './claim-money.sql';
import type { Claim } from './claim.record';
import { toRosterClaimView, type ClaimingElsewhereView, type ClaimsAddedView, type ClaimsConfirmedView, type RosterCheckedView, type RosterImportedView } from './claim.view';
import { ClaimBalanceRow, ClaimListRow, ClaimsRepository } from './claims.repository';
import { AddClaimsDto, ClaimListQuery, ConfirmClaimsDto, UpdateClaimDto } from './dto/claim.dto';
import { readRoster } from './roster/roster-reader';
import { claimsFromRoster } from './roster/roster-rows';
import type { Worker } from '../workers/worker.record';

export interface ClaimBalance {
  id: string;
  claimedFen: bigint;
  confirmedFen: bigint | null;
  paidFen: bigint;
  outstandingFen: bigint;
}

export interface ClaimRow extends ClaimBalance {
  position: number;
  kind: Claim['kind'];
  periodStart: string | null;
  periodEnd: string | null;
  note: string | null;
  version: number;
  worker: { id: string; name: string; idNumber: string; mobile: string | null; homeProvince: string | null };
}

/** How claims arrived, recorded on the timeline. */
export type ClaimSource = 'form' | 'roster_json' | 'roster_csv' | 'roster_xlsx';

function namesAndNumbers(claimants: OtherClaimTold[]): ClaimingElsewhereView[] {
  return claimants.map(({ workerName, caseNumber }) => ({ workerName, caseNumber }));
}

@Injectable()
export class ClaimsService {
  constructor(
    private readonly cases: CaseAccess,
    private readonly clock: Clock,
    private readonly events: CaseEventsService,
    private readonly repository: ClaimsRepository,
    private readonly transactions: Transactions,
    private readonly workers: WorkersService,
  ) {}

  async add(caseId: string, dto: AddClaimsDto, actor: Actor): Promise<ClaimsAddedView> {
    const inputs = dto.claims.map((claim, index) => toClaimInput(claim, index + 1));
    const problems = batchProblems(inputs, (input, field) =>
      field === 'idNumber' ? `claims.${input.row - 1}.worker.idNumber` : `claims.${input.row - 1}.${field}`,
    );
    if (problems.length > 0) throw AppError.invalid(problems);
    const added = await this.transactions.run(async (tx) => {
      await this.cases.lockOpenCase(tx, caseId, actor.scope);
      return this.addToCase(tx, caseId, inputs, actor, 'form', 'VALIDATION_FAILED');
    });
    return { added, alsoClaimingElsewhere: namesAndNumbers(await this.claimingElsewhere(caseId, actor.scope)) };
  }

  /** A whole roster in one transaction: every row valid, or nothing imported and every bad row listed. */
  /**
   * Reads and checks a roster without saving anything, for a new case's form: its rows come back as
   * the claims POST /cases takes, or every bad row with its number and reason (ROSTER_INVALID), so
   * the clerk fixes the file and uploads it again without losing the rest of the form.
   */
  async checkRoster(body: unknown, contentType: string | undefined): Promise<RosterCheckedView> {
    const { inputs, problems } = claimsFromRoster(await readRoster(body, contentType));
    if (problems.length > 0) throw new AppError('ROSTER_INVALID', { count: problems.length }, problems);
    return { claims: inputs.map(toRosterClaimView), claimedTotal: formatYuan(sumFen(inputs.map((input) => input.claimedFen))) };
  }

  async importRoster(caseId: string, body: unknown, contentType: string | undefined, actor: Actor): Promise<RosterImportedView> {
    const rows = await readRoster(body, contentType);
    const { inputs, problems } = claimsFromRoster(rows);
    if (problems.length > 0) throw new AppError('ROSTER_INVALID', { count: problems.length }, problems);
    const source: ClaimSource = contentType?.includes('csv')
      ? 'roster_csv'
      : contentType?.includes('sheet')
        ? 'roster_xlsx'
        : 'roster_json';
    const imported = await this.transactions.run(async (tx) => {
      await this.cases.lockOpenCase(tx, caseId, actor.scope);
      return this.addToCase(tx, caseId, inputs, actor, source, 'ROSTER_INVALID');
    });
    return {
      imported,
      claimedTotal: formatYuan(sumFen(inputs.map((input) => input.claimedFen))),
      alsoClaimingElsewhere: namesAndNumbers(await this.claimingElsewhere(caseId, actor.scope)),
    };
  }

  /**
   * Workers of this case who are also claimants in another open case: flagged, not refused (a worker
   * may be owed by two employers), so the clerk can check the same arrears are not counted twice.
   * The other case's number, status and a link to it (its id) only when it lies in the caller's scope;
   * outside it, only that the worker claims elsewhere (workers/domain/disclosure.ts). The one query for
   * the claims' answers and the desk's conflicts alike.
   */
  async claimingElsewhere(caseId: string, scope: Scope): Promise<OtherClaimTold<CaseStatus>[]> {
    return otherClaimsTold(await this.repository.claimingElsewhere(this.transactions.none, caseId, scope.path));
  }

  /**
   * Adds claims to an existing case inside the caller's transaction, after the checks that need the
   * database: an id number registered under another name, a worker already on this case. Problems
   * are reported per row under `errorCode`.
   */
  /** A worker's claim on a case, found by his id number, inside the caller's transaction; null when he has none. */
  async claimOfWorker(tx: Tx, caseId: string, idNumber: string): Promise<string | null> {
    return this.repository.claimOfWorker(tx, caseId, this.workers.lookupHash(idNumber));
  }

  /**
   * One worker brought into an open case from outside it (his own online report), inside the caller's
   * transaction: his claim is added, or the claim he already has on the case is his line. The case is
   * locked and must be open and in the actor's scope.
   */
  async joinWorker(tx: Tx, caseId: string, input: ClaimInput, actor: Pick<Actor, 'id' | 'scope'>): Promise<{ claimId: string; added: boolean }> {
    await this.cases.lockOpenCase(tx, caseId, actor.scope);
    const existing = await this.claimOfWorker(tx, caseId, input.worker.idNumber);
    if (existing) return { claimId: existing, added: false };
    await this.addToCase(tx, caseId, [input], actor, 'form', 'VALIDATION_FAILED');
    return { claimId: (await this.claimOfWorker(tx, caseId, input.worker.idNumber))!, added: true };
  }

  private async addToCase(
    tx: Tx,
    caseId: string,
    inputs: ClaimInput[],
    actor: Pick<Actor, 'id' | 'scope'>,
    source: ClaimSource,
    errorCode: Extract<ErrorCode, 'VALIDATION_FAILED' | 'ROSTER_INVALID'>,
  ): Promise<number> {
    const workers = await this.claimants(tx, inputs, actor, source, errorCode);
    const already = await this.repository.claimantsAmong(tx, caseId, workers.map((w) => w.id));
    const problems: FieldProblem[] = [];
    workers.forEach((worker, index) => {
      if (already.has(worker.id)) problems.push({ row: inputs[index].row, field: fieldOf(source, inputs[index], 'idNumber'), code: 'ALREADY_CLAIMANT' });
    });
    if (problems.length > 0) throw new AppError(errorCode, { count: problems.length }, problems);
    return this.insertClaims(tx, caseId, inputs, workers, actor, source);
  }

  /**
   * The workers of claims to be added, in the order of `inputs`: found by id number, or registered in
   * the caller's transaction. An id number registered under another name is a problem of its row,
   * reported under `errorCode`. Needs no case: intake finds them before it takes the case's number.
   */
  async claimants(
    tx: Tx,
    inputs: ClaimInput[],
    actor: Pick<Actor, 'scope'>,
    source: ClaimSource,
    errorCode: Extract<ErrorCode, 'VALIDATION_FAILED' | 'ROSTER_INVALID'>,
  ): Promise<Worker[]> {
    const { workers, mismatches } = await this.workers.findOrCreateMany(
      tx,
      inputs.map((input) => input.worker),
      actor.scope,
    );
    const problems: FieldProblem[] = mismatches.map(({ index, registeredName, inScope }) =>
      nameMismatchProblem(registeredName, inScope, { row: inputs[index].row, field: fieldOf(source, inputs[index], 'name') }),
    );
    if (problems.length > 0) throw new AppError(errorCode, { count: problems.length }, problems);
    return workers;
  }

  /**
   * Inserts claims of their workers (`claimants`, in the order of `inputs`) inside the caller's
   * transaction, with their claims_added event. `opening`, when the case is being opened in this
   * transaction, is its case_opened event: written in the same statement (intake is the busiest write path).
   */
  async insertClaims(
    tx: Tx,
    caseId: string,
    inputs: ClaimInput[],
    workers: Worker[],
    actor: Pick<Actor, 'id'>,
    source: ClaimSource,
    opening?: NewCaseEvent,
  ): Promise<number> {
    // In the order of `inputs`: they take the case's next positions (claims.repository.ts).
    const claims = inputs.map((input, index) => ({
      caseId,
      workerId: workers[index].id,
      kind: input.kind,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      claimedFen: input.claimedFen,
      confirmedFen: input.confirmedFen,
      note: input.note,
    }));
    await this.repository.insertClaims(tx, claims);
    await this.events.append(tx, ...(opening ? [opening] : []), {
      caseId,
      kind: 'claims_added',
      actorId: actor.id,
      // Claims brought with the case were brought the day it was opened.
      happenedOn: opening?.happenedOn,
      data: {
        source,
        workers: inputs.length,
        claimedTotal: formatYuan(sumFen(inputs.map((input) => input.claimedFen))),
      },
    });
    return inputs.length;
  }

  async list(caseId: string, query: ClaimListQuery, scope: Scope): Promise<Page<ClaimRow>> {
    await this.cases.assertCaseVisible(this.transactions.none, caseId, scope);
    const worker = query.q?.trim() ? { namePattern: likePattern(query.q), idNumberHash: this.workers.lookupHash(query.q) } : undefined;
    const { total, rows } = await this.repository.pageOfCase(
      this.transactions.none,
      caseId,
      { worker, standing: query.standing },
      query.pageSize,
      offsetOf(query),
    );
    return { items: rows.map((row) => this.toClaimRow(row)), total, page: query.page, pageSize: query.pageSize };
  }

  async update(caseId: string, claimId: string, dto: UpdateClaimDto, actor: Actor): Promise<ClaimRow> {
    await this.transactions.run(async (tx) => {
      await this.cases.lockOpenCase(tx, caseId, actor.scope);
      const claim = await this.repository.claimOfCase(tx, caseId, claimId);
      if (!claim) throw new AppError('CLAIM_NOT_FOUND');
      assertSameVersion(claim, dto.version);
      const before = claimSnapshot(claim);
      if (dto.kind !== undefined) claim.kind = dto.kind;
      if (dto.periodStart !== undefined) claim.periodStart = dto.periodStart;
      if (dto.periodEnd !== undefined) claim.periodEnd = dto.periodEnd;
      if (dto.amountClaimed !== undefined) claim.claimedFen = fen(dto.amountClaimed);
      if (dto.amountConfirmed !== undefined) claim.confirmedFen = fen(dto.amountConfirmed);
      if (dto.note !== undefined) claim.note = dto.note.trim() || null;
      if (dto.knewOn !== undefined) claim.knewOn = dto.knewOn;
      if (dto.employmentOngoing !== undefined) claim.employmentOngoing = dto.employmentOngoing;
      if (dto.employmentEndedOn !== undefined) claim.employmentEndedOn = dto.employmentEndedOn;
      if (claim.periodStart && claim.periodEnd && claim.periodEnd < claim.periodStart) {
        throw AppError.invalidField('periodEnd', 'PERIOD_ENDS_BEFORE_START');
      }
      const [balance] = (await this.balances(tx, caseId, [claimId])).values();
      if (claim.confirmedFen !== null) {
        assertConfirmedCoversPaid([{ field: 'amountConfirmed', confirmedFen: claim.confirmedFen, paidFen: balance.paidFen }]);
      }
      await this.repository.saveClaim(tx, claim);
      await this.events.append(tx, {
        caseId,
        kind: 'claim_updated',
        actorId: actor.id,
        data: { claimId, before, after: claimSnapshot(claim) },
      });
    });
    return this.getRow(caseId, claimId, actor.scope);
  }

  /** Confirms many workers' amounts at once (the day the wage ledger is checked); all or nothing. */
  async confirmMany(caseId: string, dto: ConfirmClaimsDto, actor: Actor): Promise<ClaimsConfirmedView> {
    return this.transactions.run(async (tx) => {
      const { intakeDate } = await this.cases.lockOpenCase(tx, caseId, actor.scope);
      const today = shanghaiDate(this.clock.now());
      const confirmedOn = dto.confirmedOn ?? today;
      const dayProblems = eventDayProblems('confirmedOn', confirmedOn, { intakeDate, today });
      if (dayProblems.length > 0) throw AppError.invalid(dayProblems);
      const ids = dto.items.map((item) => item.claimId);
      const balances = await this.balances(tx, caseId, ids);
      const problems: FieldProblem[] = [];
      const firstIndexOf = new Map<string, number>();
      dto.items.forEach((item, index) => {
        const balance = balances.get(item.claimId);
        const field = `items.${index}`;
        const earlier = firstIndexOf.get(item.claimId);
        if (earlier !== undefined) {
          problems.push({ field: `${field}.claimId`, row: index + 1, code: 'DUPLICATE_IN_REQUEST', params: { other: earlier + 1 } });
        } else firstIndexOf.set(item.claimId, index);
        if (!balance) problems.push({ field: `${field}.claimId`, row: index + 1, code: 'NOT_ON_CASE' });
      });
      if (problems.length > 0) throw AppError.invalid(problems);
      assertConfirmedCoversPaid(
        dto.items.map((item, index) => ({
          row: index + 1,
          field: `items.${index}.amountConfirmed`,
          confirmedFen: fen(item.amountConfirmed),
          paidFen: balances.get(item.claimId)!.paidFen,
        })),
      );
      await this.repository.setConfirmedAmounts(
        tx,
        caseId,
        dto.items.map((item) => ({ claimId: item.claimId, confirmedFen: fen(item.amountConfirmed) })),
      );
      const confirmedTotal = formatYuan(sumFen(dto.items.map((item) => fen(item.amountConfirmed))));
      await this.events.append(tx, {
        caseId,
        kind: 'claims_confirmed',
        actorId: actor.id,
        happenedOn: confirmedOn,
        data: { workers: dto.items.length, confirmedTotal },
      });
      return { confirmed: dto.items.length, confirmedTotal };
    });
  }

  async getRow(caseId: string, claimId: string, scope: Scope): Promise<ClaimRow> {
    await this.cases.assertCaseVisible(this.transactions.none, caseId, scope);
    const row = await this.repository.rowOfCase(this.transactions.none, caseId, claimId);
    if (!row) throw new AppError('CLAIM_NOT_FOUND');
    return this.toClaimRow(row);
  }

  /** Paid and outstanding of the given claims of a case; claims of other cases are simply absent. */
  async balances(tx: Tx, caseId: string, claimIds: string[]): Promise<Map<string, ClaimBalance>> {
    const rows = await this.repository.balancesOfCase(tx, caseId, claimIds);
    return new Map(rows.map((row) => [String(row.id), toBalance(row)]));
  }

  /** Each case's money; with `paidBy`, as it stood at the end of that day (payouts after it not yet made). */
  async totals(tx: Tx, caseIds: string[], paidBy?: string): Promise<Map<string, CaseTotals>> {
    const rows = await this.repository.caseTotals(tx, caseIds, paidBy);
    const byCase = new Map(rows.map((row) => [row.case_id, caseTotalsFromRow(row)]));
    return new Map(caseIds.map((id) => [id, byCase.get(id) ?? caseTotalsFromRow(undefined)]));
  }

  private toClaimRow(row: ClaimListRow): ClaimRow {
    return {
      ...toBalance(row),
      position: Number(row.position),
      kind: row.kind,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      note: row.note,
      version: Number(row.version),
      worker: {
        id: String(row.worker_id),
        name: String(row.name),
        ...this.workers.masked(String(row.id_number_sealed), row.mobile_sealed, String(row.worker_id)),
        homeProvince: row.home_province,
      },
    };
  }
}

function claimSnapshot(claim: Claim) {
  return {
    kind: claim.kind,
    periodStart: claim.periodStart,
    periodEnd: claim.periodEnd,
    amountClaimed: formatYuan(claim.claimedFen),
    amountConfirmed: claim.confirmedFen === null ? null : formatYuan(claim.confirmedFen),
    note: claim.note,
    knewOn: claim.knewOn,
    employmentOngoing: claim.employmentOngoing,
    employmentEndedOn: claim.employmentEndedOn,
  };
}

function toBalance(row: ClaimBalanceRow): ClaimBalance {
  return {
    id: String(row.id),
    claimedFen: fenFromDb(row.claimed_fen),
    confirmedFen: row.confirmed_fen === null ? null : fenFromDb(row.confirmed_fen),
    paidFen: fenFromDb(row.paid_fen),
    outstandingFen: fenFromDb(row.outstanding_fen),
  };
}

/** Where a row's problem is shown: the intake form's field of the worker, or the roster's column. */
function fieldOf(source: ClaimSource, input: ClaimInput, field: string): string {
  return source === 'form' ? `claims.${input.row - 1}.worker.${field}` : field;
}
