import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, Scope } from '../auth/domain/actor';
import { assertCaseVisible, lockOpenCase } from '../cases/case-lock.repository';
import { FINAL_STATUSES_SQL } from '../cases/cases.sql';
import type { CaseStatus } from '../cases/domain/case-status';
import type { CaseTotals } from '../cases/domain/case-totals';
import { likePattern } from '../common/database-helpers';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-codes';
import { Page, offsetOf } from '../common/http/pagination';
import { fenFromDb, formatYuan, sumFen } from '../common/money/money';
import { CaseEventsService, NewCaseEvent } from '../timeline/case-events.service';
import { WorkersService } from '../workers/workers.service';
import { ClaimInput, batchProblems, fen, toClaimInput } from './claim-input';
import { assertConfirmedCoversPaid } from './domain/confirmation';
import { assertSameVersion } from '../database/optimistic-update';
import { CASE_TOTALS_AS_OF_SQL, CASE_TOTALS_SQL, CLAIM_BALANCES_SQL, CaseTotalsRow, caseTotalsFromRow } from './claim-money.sql';
import { Claim } from './claim.entity';
import { toRosterClaimView, type ClaimingElsewhereView, type ClaimsAddedView, type ClaimsConfirmedView, type RosterCheckedView, type RosterImportedView } from './claim.view';
import { AddClaimsDto, ClaimListQuery, ConfirmClaimsDto, UpdateClaimDto } from './dto/claim.dto';
import { readRoster } from './roster/roster-reader';
import { claimsFromRoster } from './roster/roster-rows';

export interface ClaimBalance {
  id: string;
  claimedFen: bigint;
  confirmedFen: bigint | null;
  paidFen: bigint;
  outstandingFen: bigint;
}

export interface ClaimRow extends ClaimBalance {
  kind: Claim['kind'];
  periodStart: string | null;
  periodEnd: string | null;
  note: string | null;
  version: number;
  worker: { id: string; name: string; idNumber: string; mobile: string | null; homeProvince: string | null };
}

/** How claims arrived, recorded on the timeline. */
export type ClaimSource = 'form' | 'roster_json' | 'roster_csv' | 'roster_xlsx';

/** A worker of a case who also claims in another open case. */
export interface ClaimantElsewhere {
  workerId: string;
  workerName: string;
  caseNumber: string;
  status: CaseStatus;
  /** The other case lies in the caller's scope. */
  visible: boolean;
  /** Null when the other case is outside the caller's scope. */
  caseId: string | null;
}

function namesAndNumbers(claimants: ClaimantElsewhere[]): ClaimingElsewhereView[] {
  return claimants.map(({ workerName, caseNumber }) => ({ workerName, caseNumber }));
}

@Injectable()
export class ClaimsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: CaseEventsService,
    private readonly workers: WorkersService,
  ) {}

  async add(caseId: string, dto: AddClaimsDto, actor: Actor): Promise<ClaimsAddedView> {
    const inputs = dto.claims.map((claim, index) => toClaimInput(claim, index + 1));
    const problems = batchProblems(inputs, (input, field) =>
      field === 'idNumber' ? `claims.${input.row - 1}.worker.idNumber` : `claims.${input.row - 1}.${field}`,
    );
    if (problems.length > 0) throw AppError.invalid(problems);
    const added = await this.dataSource.transaction(async (manager) => {
      await lockOpenCase(manager, caseId, actor.scope);
      return this.insertClaims(manager, caseId, inputs, actor.id, 'form', 'VALIDATION_FAILED');
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
    const imported = await this.dataSource.transaction(async (manager) => {
      await lockOpenCase(manager, caseId, actor.scope);
      return this.insertClaims(manager, caseId, inputs, actor.id, source, 'ROSTER_INVALID');
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
   * The other case's number is named wherever it is, so the clerk can call its organisation; a link to
   * it (its id) only when it lies in the caller's scope. The one query for the claims' answers and the
   * desk's conflicts alike.
   */
  async claimingElsewhere(caseId: string, scope: Scope): Promise<ClaimantElsewhere[]> {
    return this.dataSource.query(
      `SELECT w.id AS "workerId", w.name AS "workerName", other.case_number AS "caseNumber", other.status,
              (o.path LIKE $2 || '%') AS "visible", CASE WHEN o.path LIKE $2 || '%' THEN other.id END AS "caseId"
         FROM claims mine
         JOIN claims theirs ON theirs.worker_id = mine.worker_id AND theirs.case_id <> mine.case_id
         JOIN cases other ON other.id = theirs.case_id AND other.status NOT IN ${FINAL_STATUSES_SQL}
         JOIN organisations o ON o.id = other.organisation_id
         JOIN workers w ON w.id = mine.worker_id
        WHERE mine.case_id = $1
        ORDER BY w.name, other.case_number`,
      [caseId, scope.path],
    );
  }

  /**
   * Inserts claims (and any workers not yet registered) inside the caller's transaction, after the
   * checks that need the database: an id number registered under another name, a worker already on
   * this case. Problems are reported per row under `errorCode`. `opening`, when the case is being
   * opened in this transaction, is its case_opened event: written in the same statement as the
   * claims_added one, and there is no claimant to look for yet (intake is the busiest write path).
   */
  async insertClaims(
    manager: EntityManager,
    caseId: string,
    inputs: ClaimInput[],
    actorId: string | null,
    source: ClaimSource,
    errorCode: Extract<ErrorCode, 'VALIDATION_FAILED' | 'ROSTER_INVALID'>,
    opening?: NewCaseEvent,
  ): Promise<number> {
    const fieldOf = (input: ClaimInput, field: string) =>
      source === 'form' ? `claims.${input.row - 1}.worker.${field}` : field;
    const { workers, mismatches } = await this.workers.findOrCreateMany(
      manager,
      inputs.map((input) => input.worker),
    );
    const problems: FieldProblem[] = mismatches.map(({ index, registeredName }) => ({
      row: inputs[index].row,
      field: fieldOf(inputs[index], 'name'),
      code: 'NAME_MISMATCH',
      params: { registered: registeredName },
    }));
    if (problems.length === 0 && !opening) {
      const already = new Set(
        (
          await manager.getRepository(Claim).find({
            where: { caseId, workerId: In(workers.map((w) => w.id)) },
            select: { workerId: true },
          })
        ).map((claim) => claim.workerId),
      );
      workers.forEach((worker, index) => {
        if (already.has(worker.id)) {
          problems.push({ row: inputs[index].row, field: fieldOf(inputs[index], 'idNumber'), code: 'ALREADY_CLAIMANT' });
        }
      });
    }
    if (problems.length > 0) throw new AppError(errorCode, { count: problems.length }, problems);

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
    for (let start = 0; start < claims.length; start += 1000) {
      await manager.getRepository(Claim).insert(claims.slice(start, start + 1000));
    }
    await this.events.append(manager, ...(opening ? [opening] : []), {
      caseId,
      kind: 'claims_added',
      actorId,
      data: {
        source,
        workers: inputs.length,
        claimedTotal: formatYuan(sumFen(inputs.map((input) => input.claimedFen))),
      },
    });
    return inputs.length;
  }

  async list(caseId: string, query: ClaimListQuery, scope: Scope): Promise<Page<ClaimRow>> {
    await assertCaseVisible(this.dataSource.manager, caseId, scope);
    const conditions = ['b.case_id = $1'];
    const params: unknown[] = [caseId];
    if (query.q?.trim()) {
      params.push(likePattern(query.q), this.workers.lookupHash(query.q));
      conditions.push(`(w.name ILIKE $${params.length - 1} OR w.id_number_hash = $${params.length})`);
    }
    if (query.standing === 'unconfirmed') conditions.push('b.confirmed_fen IS NULL');
    if (query.standing === 'owed') conditions.push('b.outstanding_fen > 0');
    if (query.standing === 'paid') conditions.push('b.confirmed_fen > 0 AND b.outstanding_fen <= 0');
    const from = `FROM (${CLAIM_BALANCES_SQL} WHERE c.case_id = $1) b
                  JOIN claims c ON c.id = b.id JOIN workers w ON w.id = c.worker_id
                 WHERE ${conditions.join(' AND ')}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows: Record<string, string | number | null>[] = await this.dataSource.query(
      `SELECT b.*, c.kind, c.period_start, c.period_end, c.note, c.version,
              w.id AS worker_id, w.name, w.id_number_sealed, w.mobile_sealed, w.home_province
         ${from}
        ORDER BY w.name, c.id
        LIMIT ${query.pageSize} OFFSET ${offsetOf(query)}`,
      params,
    );
    return { items: rows.map((row) => this.toClaimRow(row)), total, page: query.page, pageSize: query.pageSize };
  }

  async update(caseId: string, claimId: string, dto: UpdateClaimDto, actor: Actor): Promise<ClaimRow> {
    await this.dataSource.transaction(async (manager) => {
      await lockOpenCase(manager, caseId, actor.scope);
      const claim = await manager.getRepository(Claim).findOneBy({ id: claimId, caseId });
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
      const [balance] = (await this.balances(manager, caseId, [claimId])).values();
      if (claim.confirmedFen !== null) {
        assertConfirmedCoversPaid([{ field: 'amountConfirmed', confirmedFen: claim.confirmedFen, paidFen: balance.paidFen }]);
      }
      await manager.getRepository(Claim).save(claim);
      await this.events.append(manager, {
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
    return this.dataSource.transaction(async (manager) => {
      await lockOpenCase(manager, caseId, actor.scope);
      const ids = dto.items.map((item) => item.claimId);
      const balances = await this.balances(manager, caseId, ids);
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
      await manager.query(
        `UPDATE claims SET confirmed_fen = v.confirmed_fen, version = version + 1, updated_at = now()
           FROM unnest($1::uuid[], $2::bigint[]) AS v(id, confirmed_fen)
          WHERE claims.id = v.id AND claims.case_id = $3`,
        [ids, dto.items.map((item) => fen(item.amountConfirmed).toString()), caseId],
      );
      const confirmedTotal = formatYuan(sumFen(dto.items.map((item) => fen(item.amountConfirmed))));
      await this.events.append(manager, {
        caseId,
        kind: 'claims_confirmed',
        actorId: actor.id,
        data: { workers: dto.items.length, confirmedTotal },
      });
      return { confirmed: dto.items.length, confirmedTotal };
    });
  }

  async getRow(caseId: string, claimId: string, scope: Scope): Promise<ClaimRow> {
    await assertCaseVisible(this.dataSource.manager, caseId, scope);
    const rows: Record<string, string | number | null>[] = await this.dataSource.query(
      `SELECT b.*, c.kind, c.period_start, c.period_end, c.note, c.version,
              w.id AS worker_id, w.name, w.id_number_sealed, w.mobile_sealed, w.home_province
         FROM (${CLAIM_BALANCES_SQL} WHERE c.id = $1 AND c.case_id = $2) b
         JOIN claims c ON c.id = b.id JOIN workers w ON w.id = c.worker_id`,
      [claimId, caseId],
    );
    if (rows.length === 0) throw new AppError('CLAIM_NOT_FOUND');
    return this.toClaimRow(rows[0]);
  }

  /** Paid and outstanding of the given claims of a case; claims of other cases are simply absent. */
  async balances(manager: EntityManager, caseId: string, claimIds: string[]): Promise<Map<string, ClaimBalance>> {
    const rows: Record<string, string | number | null>[] = await manager.query(
      `${CLAIM_BALANCES_SQL} WHERE c.case_id = $1 AND c.id = ANY($2::uuid[])`,
      [caseId, claimIds],
    );
    return new Map(rows.map((row) => [String(row.id), toBalance(row)]));
  }

  /** Each case's money; with `paidBy`, as it stood at the end of that day (payouts after it not yet made). */
  async totals(manager: EntityManager, caseIds: string[], paidBy?: string): Promise<Map<string, CaseTotals>> {
    const rows: CaseTotalsRow[] = paidBy
      ? await manager.query(CASE_TOTALS_AS_OF_SQL, [caseIds, paidBy])
      : await manager.query(CASE_TOTALS_SQL, [caseIds]);
    const byCase = new Map(rows.map((row) => [row.case_id, caseTotalsFromRow(row)]));
    return new Map(caseIds.map((id) => [id, byCase.get(id) ?? caseTotalsFromRow(undefined)]));
  }

  private toClaimRow(row: Record<string, string | number | null>): ClaimRow {
    return {
      ...toBalance(row),
      kind: row.kind as Claim['kind'],
      periodStart: row.period_start as string | null,
      periodEnd: row.period_end as string | null,
      note: row.note as string | null,
      version: Number(row.version),
      worker: {
        id: String(row.worker_id),
        name: String(row.name),
        ...this.workers.masked(String(row.id_number_sealed), row.mobile_sealed as string | null),
        homeProvince: row.home_province as string | null,
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

function toBalance(row: Record<string, string | number | null>): ClaimBalance {
  return {
    id: String(row.id),
    claimedFen: fenFromDb(row.claimed_fen),
    confirmedFen: row.confirmed_fen === null ? null : fenFromDb(row.confirmed_fen),
    paidFen: fenFromDb(row.paid_fen),
    outstandingFen: fenFromDb(row.outstanding_fen),
  };
}

