import { Injectable } from '@nestjs/common';
import { Actor, Scope } from '../auth/domain/actor';
import { assertCaseVisible, lockOpenCase } from '../cases/cases.repository';
import { CasesService } from '../cases/cases.service';
import { eventDayProblems } from '../cases/domain/event-days';
import { fen } from '../claims/claim-input';
import { ClaimsService } from '../claims/claims.service';
import { groupBy } from '../common/collections';
import { assertSameVersion } from '../database/optimistic-update';
import { Transactions, Tx } from '../database/transactions';
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
import { MediationRepository } from './mediation.repository';
import { SessionRow } from './mediation.sql';
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
    private readonly cases: CasesService,
    private readonly claims: ClaimsService,
    private readonly clock: Clock,
    private readonly events: CaseEventsService,
    private readonly repository: MediationRepository,
    private readonly transactions: Transactions,
    private readonly users: UsersService,
  ) {}

  async createRoom(dto: CreateRoomDto, scope: Scope): Promise<MediationRoomView> {
    return this.transactions.run(async (tx) => {
      if (!(await this.repository.organisationInScope(tx, dto.organisationId, scope.path))) {
        throw AppError.invalidField('organisationId', 'NOT_FOUND');
      }
      const room = await this.repository.insertRoom(tx, dto.organisationId, dto.name.trim());
      return { id: room.id, organisationId: room.organisation_id, name: room.name };
    });
  }

  async listRooms(scope: Scope): Promise<MediationRoomView[]> {
    const rows = await this.repository.roomsInScope(this.transactions.none, scope.path);
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
    const id = await this.transactions.run(async (tx) => {
      const record = await lockOpenCase(tx, caseId, actor.scope);
      const mediatorId = dto.mediatorId ?? record.mediatorId;
      if (!mediatorId) throw new AppError('MEDIATOR_REQUIRED');
      await this.users.assertAssignable(tx, mediatorId, 'mediator', 'mediatorId', record.organisationId);
      if (dto.roomId) await this.assertRoomInScope(tx, dto.roomId, actor.scope);
      await this.repository.lockBookings(tx, mediatorId, dto.roomId ?? null);
      const clashes = await this.repository.overlappingSessions(tx, mediatorId, dto.roomId ?? null, startsAt, endsAt);
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
      const sessionId = await this.repository.insertSession(tx, {
        caseId,
        mediatorId,
        roomId: dto.roomId ?? null,
        place: dto.place?.trim() || null,
        startsAt,
        endsAt,
      });
      await this.events.append(tx, {
        caseId,
        kind: 'session_scheduled',
        actorId: actor.id,
        data: { sessionId, mediatorId, roomId: dto.roomId ?? null, startsAt: dto.startsAt, endsAt: dto.endsAt },
      });
      return sessionId;
    });
    return this.getSession(caseId, id, actor.scope);
  }

  async recordOutcome(caseId: string, sessionId: string, dto: SessionOutcomeDto, actor: Actor): Promise<SessionRow> {
    await this.transactions.run(async (tx) => {
      await lockOpenCase(tx, caseId, actor.scope);
      const session = await this.sessionForUpdate(tx, caseId, sessionId);
      if (session.status !== 'scheduled') throw new AppError('SESSION_NOT_SCHEDULED', { status: session.status });
      assertSameVersion(session, dto.version);
      // A session is held on the day it was booked for: its outcome cannot be known before that day.
      const heldOn = shanghaiDate(session.startsAt);
      if (heldOn > shanghaiDate(this.clock.now())) throw new AppError('SESSION_NOT_YET_HELD', { day: heldOn });
      await this.repository.markSessionHeld(
        tx,
        sessionId,
        dto.outcome,
        dto.outcome === 'adjourned' ? (dto.adjournedTo ?? null) : null,
        dto.notes?.trim() || null,
      );
      await this.repository.recordAttendance(
        tx,
        sessionId,
        (dto.attendance ?? []).map((person) => ({
          party: person.party,
          name: person.name.trim(),
          workerId: person.workerId ?? null,
          employerId: person.employerId ?? null,
          present: person.present,
        })),
      );
      await this.events.append(tx, {
        caseId,
        kind: 'session_held',
        actorId: actor.id,
        happenedOn: shanghaiDate(session.startsAt),
        data: { sessionId, outcome: dto.outcome, adjournedTo: dto.adjournedTo ?? null },
      });
    });
    return this.getSession(caseId, sessionId, actor.scope);
  }

  async cancel(caseId: string, sessionId: string, actor: Actor): Promise<SessionRow> {
    await this.transactions.run(async (tx) => {
      await lockOpenCase(tx, caseId, actor.scope);
      const session = await this.sessionForUpdate(tx, caseId, sessionId);
      if (session.status !== 'scheduled') throw new AppError('SESSION_NOT_SCHEDULED', { status: session.status });
      await this.repository.cancelSession(tx, sessionId);
      await this.events.append(tx, { caseId, kind: 'session_cancelled', actorId: actor.id, data: { sessionId } });
    });
    return this.getSession(caseId, sessionId, actor.scope);
  }

  async sessionsOfCase(caseId: string, scope: Scope): Promise<SessionRow[]> {
    await assertCaseVisible(this.transactions.none, caseId, scope);
    return this.repository.sessionsOfCase(this.transactions.none, caseId);
  }

  /** The case's next session still to be held, after `after`; for the worker's own lookup page (no scope: he holds the receipt). */
  async nextSessionOf(caseId: string, after: Date): Promise<SessionRow | null> {
    const sessions = await this.repository.sessionsOfCase(this.transactions.none, caseId);
    return sessions.filter((session) => session.status === 'scheduled' && new Date(session.starts_at) > after).sort((a, b) => +new Date(a.starts_at) - +new Date(b.starts_at))[0] ?? null;
  }

  /** Sessions in a date range (Asia/Shanghai days), by mediator or room: a mediator's week, a room's bookings. */
  async agenda(query: AgendaQuery, scope: Scope): Promise<SessionRow[]> {
    return this.repository.agenda(this.transactions.none, scope.path, {
      from: query.from,
      to: query.to,
      mediatorId: query.mediatorId,
      roomId: query.roomId,
    });
  }

  async setRepresentatives(caseId: string, dto: RepresentativesDto, actor: Actor): Promise<RepresentativesView> {
    return this.transactions.run(async (tx) => {
      await lockOpenCase(tx, caseId, actor.scope);
      const claimants = await this.repository.claimantsAmong(tx, caseId, dto.workerIds);
      const problems: FieldProblem[] = dto.workerIds
        .map((workerId, index) => ({ workerId, index }))
        .filter(({ workerId }) => !claimants.has(workerId))
        .map(({ index }) => ({ field: `workerIds.${index}`, code: 'NOT_A_CLAIMANT' }));
      if (problems.length > 0) throw AppError.invalid(problems);
      await this.repository.replaceRepresentatives(tx, caseId, [...new Set(dto.workerIds)], dto.electedOn);
      await this.events.append(tx, {
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

    await this.transactions.run(async (tx) => {
      const record = await lockOpenCase(tx, caseId, actor.scope);
      const dayProblems = eventDayProblems('signedOn', dto.signedOn, { intakeDate: record.intakeDate, today });
      if (dayProblems.length > 0) throw AppError.invalid(dayProblems);
      const totals = (await this.claims.totals(tx, [caseId])).get(caseId)!;
      const claimIds = [...new Set(dto.instalments.map((i) => i.claimId).filter((id): id is string => !!id))];
      const balances = await this.claims.balances(tx, caseId, claimIds);
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
      await this.cases.moveAutomatically(tx, record, 'agreement_signed', actor.id, dto.signedOn);
      const agreementId = await this.repository.insertAgreement(tx, {
        caseId,
        signedOn: dto.signedOn,
        totalFen,
        schedule: dto.schedule,
        terms: dto.terms?.trim() || null,
        instalments: dto.instalments.map((i) => ({ claimId: i.claimId ?? null, dueOn: i.dueOn, amountFen: fen(i.amount) })),
      });
      await this.events.append(tx, {
        caseId,
        kind: 'agreement_signed',
        actorId: actor.id,
        happenedOn: dto.signedOn,
        data: { agreementId, signedOn: dto.signedOn, total: formatYuan(totalFen), instalments: dto.instalments.length },
      });
    });
    return this.agreement(caseId, actor.scope);
  }

  /** The agreement with each instalment's standing, matched from the payouts as of today. */
  async agreement(caseId: string, scope: Scope): Promise<AgreementStanding> {
    await assertCaseVisible(this.transactions.none, caseId, scope);
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
    const tx = this.transactions.none;
    const agreements = await this.repository.agreementsOfCases(tx, caseIds);
    if (agreements.length === 0) return new Map();
    const agreementIds = agreements.map((agreement) => agreement.id);
    // side by side on a server (the legal clocks ask this of thousands of cases at once)
    const [instalments, payments] = await Promise.all([
      this.repository.instalmentsOfAgreements(tx, agreementIds),
      this.repository.payoutsCountedByAgreements(tx, agreementIds, on),
    ]);
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
    const row = await this.repository.sessionInScope(this.transactions.none, caseId, sessionId, scope.path);
    if (!row) throw new AppError('SESSION_NOT_FOUND');
    return row;
  }

  private async sessionForUpdate(tx: Tx, caseId: string, sessionId: string) {
    const session = await this.repository.lockSession(tx, caseId, sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND');
    return session;
  }

  private async assertRoomInScope(tx: Tx, roomId: string, scope: Scope): Promise<void> {
    if (!(await this.repository.roomInScope(tx, roomId, scope.path))) throw AppError.invalidField('roomId', 'NOT_FOUND');
  }
}
