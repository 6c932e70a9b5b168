import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Scope } from '../auth/domain/actor';
import { assertCaseVisible, lockOpenCase } from '../cases/case-lock.repository';
import { CasesService } from '../cases/cases.service';
import { fen } from '../claims/claim-input';
import { ClaimsService } from '../claims/claims.service';
import { groupBy } from '../common/collections';
import { assertSameVersion } from '../database/optimistic-update';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { fenFromDb, formatYuan, sumFen } from '../common/money/money';
import { Clock } from '../common/time/clock';
import { shanghaiDate, shanghaiMinute, shanghaiTimestamp } from '../common/time/shanghai';
import { CaseEventsService } from '../timeline/case-events.service';
import { UsersService } from '../users/users.service';
import { InstalmentStanding, matchInstalments } from './domain/instalments';
import {
  AgendaQuery,
  AgreementDto,
  AgreementSchedule,
  CreateRoomDto,
  RepresentativesDto,
  ScheduleSessionDto,
  SessionOutcomeDto,
} from './dto/mediation.dto';
import {
  AGREEMENTS_OF_CASES_SQL,
  INSTALMENTS_OF_AGREEMENTS_SQL,
  OVERLAPPING_SESSIONS_SQL,
  PAYOUTS_COUNTED_BY_AGREEMENTS_SQL,
  SESSION_COLUMNS,
  SESSION_FROM,
  SessionRow,
} from './mediation.sql';
import type { MediationRoomView, RepresentativesView } from './mediation.view';

/** The agreement of a case, each instalment with its standing as of today. */
export interface AgreementStanding {
  id: string;
  caseId: string;
  signedOn: string;
  schedule: AgreementSchedule;
  totalFen: bigint;
  terms: string | null;
  version: number;
  instalments: InstalmentStanding[];
}

@Injectable()
export class MediationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly claims: ClaimsService,
    private readonly events: CaseEventsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async createRoom(dto: CreateRoomDto, scope: Scope): Promise<MediationRoomView> {
    return this.dataSource.transaction(async (manager) => {
      const [organisation] = await manager.query(`SELECT id FROM organisations WHERE id = $1 AND path LIKE $2 || '%'`, [
        dto.organisationId,
        scope.path,
      ]);
      if (!organisation) throw AppError.invalidField('organisationId', 'NOT_FOUND');
      const [room] = await manager.query(
        `INSERT INTO mediation_rooms (organisation_id, name) VALUES ($1, $2) RETURNING id, organisation_id, name`,
        [dto.organisationId, dto.name.trim()],
      );
      return { id: room.id, organisationId: room.organisation_id, name: room.name };
    });
  }

  async listRooms(scope: Scope): Promise<MediationRoomView[]> {
    const rows: { id: string; organisation_id: string; name: string }[] = await this.dataSource.query(
      `SELECT r.id, r.organisation_id, r.name FROM mediation_rooms r JOIN organisations o ON o.id = r.organisation_id
        WHERE o.path LIKE $1 || '%' ORDER BY r.name`,
      [scope.path],
    );
    return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, name: r.name }));
  }

  /**
   * Books a session. A mediator or a room cannot be in two sessions at once: the check and the insert
   * run under a lock per mediator and per room, so two clerks booking the same slot cannot both win.
   */
  async schedule(caseId: string, dto: ScheduleSessionDto, actor: Actor): Promise<SessionRow> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt <= startsAt) throw AppError.invalidField('endsAt', 'ENDS_BEFORE_START');
    const id = await this.dataSource.transaction(async (manager) => {
      const record = await lockOpenCase(manager, caseId, actor.scope);
      const mediatorId = dto.mediatorId ?? record.mediatorId;
      if (!mediatorId) throw new AppError('MEDIATOR_REQUIRED');
      await this.users.assertAssignable(manager, mediatorId, 'mediator', 'mediatorId', record.organisationId);
      if (dto.roomId) await this.assertRoomInScope(manager, dto.roomId, actor.scope);
      for (const key of [`mediator:${mediatorId}`, `room:${dto.roomId ?? ''}`].sort()) {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
      }
      const clashes: { mediator_id: string; room_id: string | null; starts_at: Date; case_number: string }[] = await manager.query(
        OVERLAPPING_SESSIONS_SQL,
        [mediatorId, dto.roomId ?? null, startsAt, endsAt],
      );
      const mediatorClash = clashes.find((clash) => clash.mediator_id === mediatorId);
      if (mediatorClash) {
        throw new AppError('MEDIATOR_DOUBLE_BOOKED', {
          caseNumber: mediatorClash.case_number,
          startsAt: shanghaiTimestamp(new Date(mediatorClash.starts_at)),
          at: shanghaiMinute(new Date(mediatorClash.starts_at)),
        });
      }
      if (clashes.length > 0) {
        throw new AppError('ROOM_DOUBLE_BOOKED', {
          caseNumber: clashes[0].case_number,
          startsAt: shanghaiTimestamp(new Date(clashes[0].starts_at)),
          at: shanghaiMinute(new Date(clashes[0].starts_at)),
        });
      }
      const [{ id: sessionId }] = await manager.query(
        `INSERT INTO mediation_sessions (case_id, mediator_id, room_id, place, starts_at, ends_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [caseId, mediatorId, dto.roomId ?? null, dto.place?.trim() || null, startsAt, endsAt],
      );
      await this.events.append(manager, {
        caseId,
        kind: 'session_scheduled',
        actorId: actor.id,
        data: { sessionId, mediatorId, roomId: dto.roomId ?? null, startsAt: dto.startsAt, endsAt: dto.endsAt },
      });
      return sessionId as string;
    });
    return this.getSession(caseId, id, actor.scope);
  }

  async recordOutcome(caseId: string, sessionId: string, dto: SessionOutcomeDto, actor: Actor): Promise<SessionRow> {
    await this.dataSource.transaction(async (manager) => {
      await lockOpenCase(manager, caseId, actor.scope);
      const session = await this.sessionForUpdate(manager, caseId, sessionId);
      if (session.status !== 'scheduled') throw new AppError('SESSION_NOT_SCHEDULED', { status: session.status });
      assertSameVersion(session, dto.version);
      await manager.query(
        `UPDATE mediation_sessions SET status = 'held', outcome = $2, adjourned_to = $3, notes = $4,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [sessionId, dto.outcome, dto.outcome === 'adjourned' ? dto.adjournedTo : null, dto.notes?.trim() || null],
      );
      for (const person of dto.attendance ?? []) {
        await manager.query(
          `INSERT INTO session_attendance (session_id, party, name, worker_id, employer_id, present) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (session_id, party, name) DO UPDATE SET present = EXCLUDED.present`,
          [sessionId, person.party, person.name.trim(), person.workerId ?? null, person.employerId ?? null, person.present],
        );
      }
      await this.events.append(manager, {
        caseId,
        kind: 'session_held',
        actorId: actor.id,
        data: { sessionId, outcome: dto.outcome, adjournedTo: dto.adjournedTo ?? null },
      });
    });
    return this.getSession(caseId, sessionId, actor.scope);
  }

  async cancel(caseId: string, sessionId: string, actor: Actor): Promise<SessionRow> {
    await this.dataSource.transaction(async (manager) => {
      await lockOpenCase(manager, caseId, actor.scope);
      const session = await this.sessionForUpdate(manager, caseId, sessionId);
      if (session.status !== 'scheduled') throw new AppError('SESSION_NOT_SCHEDULED', { status: session.status });
      await manager.query(
        `UPDATE mediation_sessions SET status = 'cancelled', version = version + 1, updated_at = now() WHERE id = $1`,
        [sessionId],
      );
      await this.events.append(manager, { caseId, kind: 'session_cancelled', actorId: actor.id, data: { sessionId } });
    });
    return this.getSession(caseId, sessionId, actor.scope);
  }

  async sessionsOfCase(caseId: string, scope: Scope): Promise<SessionRow[]> {
    await assertCaseVisible(this.dataSource.manager, caseId, scope);
    return this.dataSource.query(`SELECT ${SESSION_COLUMNS} ${SESSION_FROM} WHERE s.case_id = $1 ORDER BY s.starts_at`, [caseId]);
  }

  /** Sessions in a date range (Asia/Shanghai days), by mediator or room: a mediator's week, a room's bookings. */
  async agenda(query: AgendaQuery, scope: Scope): Promise<SessionRow[]> {
    const conditions = [`o.path LIKE $1 || '%'`, `s.status <> 'cancelled'`];
    const params: unknown[] = [scope.path, query.from, query.to];
    conditions.push(`s.starts_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    conditions.push(`s.starts_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
    if (query.mediatorId) {
      params.push(query.mediatorId);
      conditions.push(`s.mediator_id = $${params.length}`);
    }
    if (query.roomId) {
      params.push(query.roomId);
      conditions.push(`s.room_id = $${params.length}`);
    }
    return this.dataSource.query(
      `SELECT ${SESSION_COLUMNS} ${SESSION_FROM} WHERE ${conditions.join(' AND ')} ORDER BY s.starts_at`,
      params,
    );
  }

  async setRepresentatives(caseId: string, dto: RepresentativesDto, actor: Actor): Promise<RepresentativesView> {
    return this.dataSource.transaction(async (manager) => {
      await lockOpenCase(manager, caseId, actor.scope);
      const claimants = new Set(
        (await manager.query(`SELECT worker_id FROM claims WHERE case_id = $1 AND worker_id = ANY($2::uuid[])`, [caseId, dto.workerIds])).map(
          (row: { worker_id: string }) => row.worker_id,
        ),
      );
      const problems: FieldProblem[] = dto.workerIds
        .map((workerId, index) => ({ workerId, index }))
        .filter(({ workerId }) => !claimants.has(workerId))
        .map(({ index }) => ({ field: `workerIds.${index}`, code: 'NOT_A_CLAIMANT' }));
      if (problems.length > 0) throw AppError.invalid(problems);
      await manager.query(`DELETE FROM case_representatives WHERE case_id = $1`, [caseId]);
      await manager.query(
        `INSERT INTO case_representatives (case_id, worker_id, elected_on) SELECT $1, unnest($2::uuid[]), $3`,
        [caseId, [...new Set(dto.workerIds)], dto.electedOn],
      );
      await this.events.append(manager, {
        caseId,
        kind: 'representatives_elected',
        actorId: actor.id,
        data: { workerIds: dto.workerIds, electedOn: dto.electedOn },
      });
      return { workerIds: dto.workerIds, electedOn: dto.electedOn };
    });
  }

  /**
   * Records the signed agreement and its payment schedule, and moves a case in mediation to agreed
   * (with the same guards as any move: every claim confirmed). The agreed total is the sum of the
   * instalments and cannot exceed what is still owed.
   */
  async recordAgreement(caseId: string, dto: AgreementDto, actor: Actor): Promise<AgreementStanding> {
    const today = shanghaiDate(this.clock.now());
    const problems: FieldProblem[] = [];
    if (dto.signedOn > today) problems.push({ field: 'signedOn', code: 'DATE_IN_FUTURE' });
    dto.instalments.forEach((instalment, index) => {
      if (instalment.dueOn < dto.signedOn) problems.push({ field: `instalments.${index}.dueOn`, code: 'DUE_BEFORE_SIGNING' });
      if (dto.schedule === 'per_worker' && !instalment.claimId) {
        problems.push({ field: `instalments.${index}.claimId`, code: 'CLAIM_REQUIRED' });
      }
      if (dto.schedule === 'total' && instalment.claimId) {
        problems.push({ field: `instalments.${index}.claimId`, code: 'CLAIM_NOT_ALLOWED' });
      }
    });
    if (problems.length > 0) throw AppError.invalid(problems);
    const totalFen = sumFen(dto.instalments.map((instalment) => fen(instalment.amount)));

    await this.dataSource.transaction(async (manager) => {
      const record = await lockOpenCase(manager, caseId, actor.scope);
      const totals = (await this.claims.totals(manager, [caseId])).get(caseId)!;
      const claimIds = [...new Set(dto.instalments.map((i) => i.claimId).filter((id): id is string => !!id))];
      const balances = await this.claims.balances(manager, caseId, claimIds);
      const unknown = dto.instalments
        .map((instalment, index) => ({ instalment, index }))
        .filter(({ instalment }) => instalment.claimId && !balances.has(instalment.claimId))
        .map(({ index }) => ({ field: `instalments.${index}.claimId`, code: 'NOT_ON_CASE' as const }));
      if (unknown.length > 0) throw AppError.invalid(unknown);
      if (totalFen > totals.outstandingFen) {
        throw new AppError('AGREEMENT_EXCEEDS_OUTSTANDING', {
          amount: formatYuan(totalFen),
          outstanding: formatYuan(totals.outstandingFen),
        });
      }
      await this.cases.moveAutomatically(manager, record, 'agreement_signed', actor.id);
      const [{ id: agreementId }] = await manager.query(
        `INSERT INTO agreements (case_id, signed_on, total_fen, schedule, terms) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [caseId, dto.signedOn, totalFen.toString(), dto.schedule, dto.terms?.trim() || null],
      );
      await manager.query(
        `INSERT INTO instalments (agreement_id, claim_id, due_on, amount_fen)
         SELECT $1, * FROM unnest($2::uuid[], $3::date[], $4::bigint[])`,
        [
          agreementId,
          dto.instalments.map((i) => i.claimId ?? null),
          dto.instalments.map((i) => i.dueOn),
          dto.instalments.map((i) => fen(i.amount).toString()),
        ],
      );
      await this.events.append(manager, {
        caseId,
        kind: 'agreement_signed',
        actorId: actor.id,
        data: { agreementId, signedOn: dto.signedOn, total: formatYuan(totalFen), instalments: dto.instalments.length },
      });
    });
    return this.agreement(caseId, actor.scope);
  }

  /** The agreement with each instalment's standing, matched from the payouts as of today. */
  async agreement(caseId: string, scope: Scope): Promise<AgreementStanding> {
    await assertCaseVisible(this.dataSource.manager, caseId, scope);
    const agreement = (await this.agreementsOf([caseId], shanghaiDate(this.clock.now()))).get(caseId);
    if (!agreement) throw new AppError('AGREEMENT_NOT_FOUND');
    return agreement;
  }

  /**
   * The agreements of many cases as they stood on `on`: each instalment matched against the payouts
   * made from the signing day up to that day. The one place instalments are reckoned, for the case
   * page, the legal clocks and the reminders alike.
   */
  async agreementsOf(caseIds: string[], on: string): Promise<Map<string, AgreementStanding>> {
    const agreements: { id: string; case_id: string; signed_on: string; schedule: AgreementSchedule; total_fen: string; terms: string | null; version: number }[] =
      await this.dataSource.query(AGREEMENTS_OF_CASES_SQL, [caseIds]);
    if (agreements.length === 0) return new Map();
    const agreementIds = agreements.map((agreement) => agreement.id);
    const instalments: { id: string; agreement_id: string; claim_id: string | null; due_on: string; amount_fen: string }[] =
      await this.dataSource.query(INSTALMENTS_OF_AGREEMENTS_SQL, [agreementIds]);
    const payments: { case_id: string; claim_id: string; paid_on: string; amount_fen: string }[] =
      await this.dataSource.query(PAYOUTS_COUNTED_BY_AGREEMENTS_SQL, [agreementIds, on]);
    const instalmentsOf = groupBy(instalments, (instalment) => instalment.agreement_id);
    const paymentsOf = groupBy(payments, (payment) => payment.case_id);
    return new Map(
      agreements.map((agreement) => [
        agreement.case_id,
        {
          id: agreement.id,
          caseId: agreement.case_id,
          signedOn: agreement.signed_on,
          schedule: agreement.schedule,
          totalFen: fenFromDb(agreement.total_fen),
          terms: agreement.terms,
          version: agreement.version,
          instalments: matchInstalments(
            (instalmentsOf.get(agreement.id) ?? []).map((i) => ({ id: i.id, claimId: i.claim_id, dueOn: i.due_on, amountFen: fenFromDb(i.amount_fen) })),
            (paymentsOf.get(agreement.case_id) ?? []).map((p) => ({ claimId: p.claim_id, paidOn: p.paid_on, amountFen: fenFromDb(p.amount_fen) })),
            agreement.signed_on,
            on,
          ),
        },
      ]),
    );
  }

  async getSession(caseId: string, sessionId: string, scope: Scope): Promise<SessionRow> {
    const [row] = await this.dataSource.query(
      `SELECT ${SESSION_COLUMNS} ${SESSION_FROM} WHERE s.id = $1 AND s.case_id = $2 AND o.path LIKE $3 || '%'`,
      [sessionId, caseId, scope.path],
    );
    if (!row) throw new AppError('SESSION_NOT_FOUND');
    return row;
  }

  private async sessionForUpdate(manager: EntityManager, caseId: string, sessionId: string) {
    const [session]: { status: string; version: number }[] = await manager.query(
      `SELECT status, version FROM mediation_sessions WHERE id = $1 AND case_id = $2 FOR UPDATE`,
      [sessionId, caseId],
    );
    if (!session) throw new AppError('SESSION_NOT_FOUND');
    return session;
  }

  private async assertRoomInScope(manager: EntityManager, roomId: string, scope: Scope): Promise<void> {
    const [room] = await manager.query(
      `SELECT r.id FROM mediation_rooms r JOIN organisations o ON o.id = r.organisation_id WHERE r.id = $1 AND o.path LIKE $2 || '%'`,
      [roomId, scope.path],
    );
    if (!room) throw AppError.invalidField('roomId', 'NOT_FOUND');
  }
}
