import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, Scope } from '../auth/domain/actor';
import { batchProblems, toClaimInput } from '../claims/claim-input';
import { ClaimsService } from '../claims/claims.service';
import { likePattern } from '../common/database-helpers';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { Page, PageQuery, offsetOf } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { yearOf } from '../common/time/calendar-days';
import { shanghaiDate } from '../common/time/shanghai';
import { ReportsDatabase } from '../database/reports-database';
import { Employer } from '../employers/employer.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Project } from '../projects/project.entity';
import { CaseEvent } from '../timeline/case-event.entity';
import { CaseEventsService, NewCaseEvent } from '../timeline/case-events.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { CaseEmployer } from './case-employer.entity';
import { CaseEvidence } from './case-evidence.entity';
import type { CaseWarningView, DispatchedCaseView } from './case.view';
import { assertCaseVisible, caseInScope, lockCase, lockOpenCase } from './case-lock.repository';
import { assertSameVersion } from '../database/optimistic-update';
import { Case } from './case.entity';
import {
  CASE_LIST_COLUMNS,
  CASE_LIST_FROM,
  CASE_SORT_COLUMNS,
  CASE_MONEY_COLUMNS,
  CASE_EXPORT_MONEY_JOIN,
  CaseExportRow,
  CaseListRow,
  NEXT_CASE_NUMBER_SQL,
  SEARCH_CONDITION,
  SUBTREE_CONDITION,
} from './cases.sql';
import {
  AssignmentDto,
  CaseEmployerDto,
  DispatchDto,
  CaseListQuery,
  CreateCaseDto,
  EvidenceDto,
  NoteDto,
  TransitionDto,
  UpdateCaseDto,
} from './dto/case.dto';
import { formatCaseNumber } from './domain/case-number';
import {
  AutomaticMoveTrigger,
  CASE_STATUSES,
  TransitionRequest,
  automaticMove,
  decideTransition,
  isFinal,
} from './domain/case-status';

/** What the timeline says of a move the product made by itself. */
const AUTOMATIC_MOVE_NOTES: Record<AutomaticMoveTrigger, string> = {
  agreement_signed: 'agreement signed',
  first_payout: 'first payout recorded',
};
import { CaseTotals } from './domain/case-totals';

/** Everything the case view shows. */
export interface CaseDetail {
  record: Case;
  organisation: Organisation;
  project: Project | null;
  lawyer: User | null;
  mediator: User | null;
  employers: (Employer & { role: CaseEmployer['role'] })[];
  evidence: CaseEvidence[];
  totals: CaseTotals;
}

export interface CaseListItem {
  row: CaseListRow;
  totals: CaseTotals;
}

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsService,
    private readonly events: CaseEventsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly reportsDatabase: ReportsDatabase,
  ) {}

  /**
   * Opens a case. `linkSource` runs in the same transaction, so a case opened from a consultation or
   * an early warning is linked to it, or not opened at all.
   */
  async open(
    dto: CreateCaseDto,
    actor: Actor,
    linkSource?: (manager: EntityManager, caseId: string) => Promise<void>,
  ): Promise<CaseDetail> {
    const claimInputs = (dto.claims ?? []).map((claim, index) => toClaimInput(claim, index + 1));
    const problems = [
      ...this.intakeDateProblems(dto.intakeDate),
      ...duplicateEmployerProblems(dto.employers),
      ...batchProblems(claimInputs, (input, field) =>
        field === 'idNumber' ? `claims.${input.row - 1}.worker.idNumber` : `claims.${input.row - 1}.${field}`,
      ),
    ];
    if (problems.length > 0) throw AppError.invalid(problems);

    const id = await this.dataSource.transaction(async (manager) => {
      const organisation = await manager
        .getRepository(Organisation)
        .createQueryBuilder('o')
        .where('o.id = :id', { id: dto.organisationId })
        .andWhere(`o.path LIKE :scopePath || '%'`, { scopePath: actor.scope.path })
        .getOne();
      await this.assertReferences(manager, dto, organisation);
      const year = yearOf(dto.intakeDate);
      const [{ last_number }] = await manager.query(NEXT_CASE_NUMBER_SQL, [organisation!.id, year]);
      const opened = await manager.getRepository(Case).save(
        manager.getRepository(Case).create({
          organisationId: organisation!.id,
          caseNumber: formatCaseNumber(organisation!.code, year, last_number),
          intakeChannel: dto.intakeChannel,
          intakeDate: dto.intakeDate,
          summary: dto.summary.trim(),
          projectId: dto.projectId ?? null,
          lawyerId: dto.lawyerId ?? null,
          mediatorId: dto.mediatorId ?? null,
          status: 'received',
        }),
      );
      await manager.getRepository(CaseEmployer).insert(
        dto.employers.map((link) => ({ caseId: opened.id, employerId: link.employerId, role: link.role })),
      );
      if (dto.evidence?.length) await this.insertEvidence(manager, opened.id, dto.evidence);
      const openingEvent: NewCaseEvent = {
        caseId: opened.id,
        kind: 'case_opened',
        actorId: actor.id,
        toStatus: 'received',
        data: {
          caseNumber: opened.caseNumber,
          intakeChannel: opened.intakeChannel,
          lawyerId: opened.lawyerId,
          mediatorId: opened.mediatorId,
        },
      };
      if (claimInputs.length > 0) {
        await this.claims.insertClaims(manager, opened.id, claimInputs, actor.id, 'form', 'VALIDATION_FAILED', openingEvent);
      } else {
        await this.events.append(manager, openingEvent);
      }
      if (linkSource) await linkSource(manager, opened.id);
      return opened.id;
    });
    return this.get(id, actor.scope);
  }

  async get(id: string, scope: Scope): Promise<CaseDetail> {
    const manager = this.dataSource.manager;
    const record = await caseInScope(manager, id, scope).getOne();
    if (!record) throw new AppError('CASE_NOT_FOUND');
    const assigned = [record.lawyerId, record.mediatorId].filter((x): x is string => x !== null);
    const [organisation, project, people, employers, evidence, totals] = await Promise.all([
      manager.getRepository(Organisation).findOneByOrFail({ id: record.organisationId }),
      record.projectId ? manager.getRepository(Project).findOneBy({ id: record.projectId }) : null,
      assigned.length > 0 ? manager.getRepository(User).findBy({ id: In(assigned) }) : [],
      manager
        .getRepository(Employer)
        .createQueryBuilder('e')
        .innerJoin(CaseEmployer, 'ce', 'ce.employer_id = e.id')
        .addSelect('ce.role', 'chain_role')
        .where('ce.case_id = :id', { id })
        .getRawAndEntities<{ e_id: string; chain_role: CaseEmployer['role'] }>(),
      manager.getRepository(CaseEvidence).find({ where: { caseId: id }, order: { createdAt: 'ASC' } }),
      this.claims.totals(manager, [id]),
    ]);
    const roles = new Map(employers.raw.map((row) => [row.e_id, row.chain_role]));
    return {
      record,
      organisation,
      project,
      lawyer: people.find((user) => user.id === record.lawyerId) ?? null,
      mediator: people.find((user) => user.id === record.mediatorId) ?? null,
      employers: employers.entities.map((employer) => ({ ...employer, role: roles.get(employer.id)! })),
      evidence,
      totals: totals.get(id)!,
    };
  }

  async list(query: CaseListQuery, scope: Scope): Promise<Page<CaseListItem>> {
    const { where, params } = this.listFilter(query, scope);
    const order = this.orderOf(query.sort);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${CASE_LIST_FROM} ${where}`, params);
    const rows: CaseListRow[] = await this.dataSource.query(
      `SELECT ${CASE_LIST_COLUMNS} ${CASE_LIST_FROM} ${where}
        ORDER BY ${order}, c.id LIMIT ${query.pageSize} OFFSET ${offsetOf(query)}`,
      params,
    );
    const totals = await this.claims.totals(
      this.dataSource.manager,
      rows.map((row) => row.id),
    );
    return {
      items: rows.map((row) => ({ row, totals: totals.get(row.id)! })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The case list's filters as SQL, always inside the caller's scope. */
  private listFilter(query: Omit<CaseListQuery, 'page' | 'pageSize'>, scope: Scope): { where: string; params: unknown[] } {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const conditions: string[] = [`o.path LIKE ${param(scope.path)} || '%'`];
    if (query.status) {
      const statuses = query.status.split(',').map((s) => s.trim());
      const unknown = statuses.filter((s) => !(CASE_STATUSES as readonly string[]).includes(s));
      if (unknown.length > 0) {
        throw AppError.invalidField('status', 'NOT_ONE_OF', { allowed: CASE_STATUSES.join(', ') });
      }
      conditions.push(`c.status = ANY(${param(statuses)}::text[])`);
    }
    if (query.organisationId) conditions.push(SUBTREE_CONDITION(param(query.organisationId)));
    if (query.employerId) {
      conditions.push(
        `EXISTS (SELECT 1 FROM case_employers ce WHERE ce.case_id = c.id AND ce.employer_id = ${param(query.employerId)})`,
      );
    }
    if (query.lawyerId) conditions.push(`c.lawyer_id = ${param(query.lawyerId)}`);
    if (query.mediatorId) conditions.push(`c.mediator_id = ${param(query.mediatorId)}`);
    if (query.intakeFrom) conditions.push(`c.intake_date >= ${param(query.intakeFrom)}`);
    if (query.intakeTo) conditions.push(`c.intake_date <= ${param(query.intakeTo)}`);
    if (query.q?.trim()) conditions.push(SEARCH_CONDITION(param(likePattern(query.q))));
    return { where: `WHERE ${conditions.join(' AND ')}`, params };
  }

  /**
   * Every case the list would show, for an export: one cursor over the reports database, each row with
   * its money from the reports' summary table, so 100,000 rows stream in bounded memory.
   */
  async exportRows(query: CaseListQuery, scope: Scope): Promise<AsyncIterable<CaseExportRow>> {
    const { where, params } = this.listFilter(query, scope);
    const order = this.orderOf(query.sort);
    return this.reportsDatabase.stream<CaseExportRow>(
      `SELECT ${CASE_LIST_COLUMNS}, ${CASE_MONEY_COLUMNS} ${CASE_LIST_FROM} ${CASE_EXPORT_MONEY_JOIN} ${where}
        ORDER BY ${order}, c.id`,
      params,
    );
  }

  async update(id: string, dto: UpdateCaseDto, actor: Actor): Promise<CaseDetail> {
    await this.dataSource.transaction(async (manager) => {
      const record = await lockOpenCase(manager, id, actor.scope);
      assertSameVersion(record, dto.version);
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      const change = <K extends 'summary' | 'intakeChannel' | 'projectId'>(key: K, value: Case[K] | undefined) => {
        if (value === undefined || value === record[key]) return;
        changes[key] = { before: record[key], after: value };
        record[key] = value;
      };
      if (dto.projectId && !(await manager.getRepository(Project).existsBy({ id: dto.projectId }))) {
        throw AppError.invalidField('projectId', 'NOT_FOUND');
      }
      change('summary', dto.summary?.trim());
      change('intakeChannel', dto.intakeChannel);
      change('projectId', dto.projectId);
      if (Object.keys(changes).length === 0) return;
      await manager.getRepository(Case).save(record);
      await this.events.append(manager, { caseId: id, kind: 'case_updated', actorId: actor.id, data: { changes } });
    });
    return this.get(id, actor.scope);
  }

  async assign(id: string, dto: AssignmentDto, actor: Actor): Promise<CaseDetail> {
    await this.dataSource.transaction(async (manager) => {
      const record = await lockOpenCase(manager, id, actor.scope);
      assertSameVersion(record, dto.version);
      const actorId = actor.id;
      const events: NewCaseEvent[] = [];
      if (dto.lawyerId !== undefined && dto.lawyerId !== record.lawyerId) {
        if (dto.lawyerId) await this.users.assertAssignable(manager, dto.lawyerId, 'lawyer', 'lawyerId', record.organisationId);
        events.push({ caseId: id, kind: 'lawyer_assigned', actorId, data: { from: record.lawyerId, to: dto.lawyerId } });
        record.lawyerId = dto.lawyerId;
      }
      if (dto.mediatorId !== undefined && dto.mediatorId !== record.mediatorId) {
        if (dto.mediatorId) {
          await this.users.assertAssignable(manager, dto.mediatorId, 'mediator', 'mediatorId', record.organisationId);
        }
        events.push({
          caseId: id,
          kind: 'mediator_assigned',
          actorId,
          data: { from: record.mediatorId, to: dto.mediatorId },
        });
        record.mediatorId = dto.mediatorId;
      }
      if (events.length === 0) return;
      await manager.getRepository(Case).save(record);
      await this.events.append(manager, ...events);
    });
    return this.get(id, actor.scope);
  }

  async transition(id: string, dto: TransitionDto, actor: Actor): Promise<CaseDetail> {
    await this.dataSource.transaction(async (manager) => {
      const record = await lockCase(manager, id, actor.scope);
      assertSameVersion(record, dto.version);
      await this.move(manager, record, dto, actor.id, dto.note?.trim() || null);
    });
    return this.get(id, actor.scope);
  }

  /**
   * The move a recording makes by itself (an agreement signed, the first money), if it makes one from
   * the case's status: through the same door as a person's move. The case must be locked.
   */
  async moveAutomatically(manager: EntityManager, record: Case, trigger: AutomaticMoveTrigger, actorId: string): Promise<void> {
    const request = automaticMove(trigger, record.status);
    if (request) await this.move(manager, record, request, actorId, AUTOMATIC_MOVE_NOTES[trigger]);
  }

  /**
   * The one door into the status machine: the transition table and its guards decide, then the move
   * is saved and written to the timeline. The case must be locked by the caller's transaction.
   */
  private async move(manager: EntityManager, record: Case, request: TransitionRequest, actorId: string, note: string | null): Promise<void> {
    const totals = (await this.claims.totals(manager, [record.id])).get(record.id)!;
    const decision = decideTransition({ status: record.status, mediatorId: record.mediatorId, claims: totals }, request);
    const details = { outcome: decision.outcome, reason: decision.reason, referredTo: decision.referredTo, note };
    record.status = decision.to;
    record.outcome = decision.outcome;
    record.statusReason = decision.reason;
    if (decision.referredTo !== null) record.referredTo = decision.referredTo;
    record.closedAt = isFinal(decision.to) ? this.clock.now() : null;
    await manager.getRepository(Case).save(record);
    await this.events.append(manager, {
      caseId: record.id,
      kind: 'status_changed',
      actorId,
      fromStatus: decision.from,
      toStatus: decision.to,
      data: Object.fromEntries(Object.entries(details).filter(([, value]) => value !== null && value !== undefined)),
    });
  }

  async addNote(id: string, dto: NoteDto, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockCase(manager, id, actor.scope);
      await this.events.append(manager, {
        caseId: id,
        kind: 'note_added',
        actorId: actor.id,
        data: { text: dto.text.trim() },
      });
    });
  }

  async addEvidence(id: string, dto: EvidenceDto, actor: Actor): Promise<CaseDetail> {
    await this.dataSource.transaction(async (manager) => {
      await lockOpenCase(manager, id, actor.scope);
      await this.insertEvidence(manager, id, [dto]);
      await this.events.append(manager, {
        caseId: id,
        kind: 'evidence_added',
        actorId: actor.id,
        data: { kind: dto.kind, description: dto.description.trim() },
      });
    });
    return this.get(id, actor.scope);
  }

  async addEmployer(id: string, dto: CaseEmployerDto, actor: Actor): Promise<CaseDetail> {
    await this.dataSource.transaction(async (manager) => {
      await lockOpenCase(manager, id, actor.scope);
      if (!(await manager.getRepository(Employer).existsBy({ id: dto.employerId }))) {
        throw AppError.invalidField('employerId', 'NOT_FOUND');
      }
      await manager.getRepository(CaseEmployer).insert({ caseId: id, employerId: dto.employerId, role: dto.role });
      await this.events.append(manager, {
        caseId: id,
        kind: 'employer_added',
        actorId: actor.id,
        data: { employerId: dto.employerId, role: dto.role },
      });
    });
    return this.get(id, actor.scope);
  }

  /**
   * 派单: hands a case to the organisation responsible for it, e.g. from the city's 12351 line to a
   * district. The case keeps its number (the one the worker was given). The sender may lose sight of
   * it if the receiver is outside their scope: that is what handing over means.
   */
  async dispatch(id: string, dto: DispatchDto, actor: Actor): Promise<DispatchedCaseView> {
    return this.dataSource.transaction(async (manager) => {
      const record = await lockOpenCase(manager, id, actor.scope);
      assertSameVersion(record, dto.version);
      const target = await manager.getRepository(Organisation).findOneBy({ id: dto.organisationId });
      if (!target) throw AppError.invalidField('organisationId', 'NOT_FOUND');
      if (target.id === record.organisationId) return { id, organisationId: target.id };
      const from = record.organisationId;
      record.organisationId = target.id;
      const events: NewCaseEvent[] = [
        {
          caseId: id,
          kind: 'case_dispatched',
          actorId: actor.id,
          data: { fromOrganisationId: from, toOrganisationId: target.id, note: dto.note?.trim() || null },
        },
      ];
      // A lawyer or mediator who cannot see the case in its new organisation is no longer on it.
      for (const [field, kind] of [
        ['lawyerId', 'lawyer_assigned'],
        ['mediatorId', 'mediator_assigned'],
      ] as const) {
        const assigned = record[field];
        if (assigned && !(await this.users.seesOrganisation(manager, assigned, target.id))) {
          record[field] = null;
          events.push({ caseId: id, kind, actorId: actor.id, data: { from: assigned, to: null, reason: 'dispatched' } });
        }
      }
      await manager.getRepository(Case).save(record);
      await this.events.append(manager, ...events);
      return { id, organisationId: target.id };
    });
  }

  /**
   * The case's lawyer has declared acting for one of its employers: a conflict to flag when the lawyer
   * is assigned (the people decide; a lawyer may have advised a company years ago on something else).
   */
  async lawyerConflicts(record: Pick<Case, 'id' | 'lawyerId'>): Promise<CaseWarningView[]> {
    if (!record.lawyerId) return [];
    return this.dataSource.query(
      `SELECT 'LAWYER_ACTED_FOR_EMPLOYER' AS code, e.name AS "employerName", le.note
         FROM cases c JOIN case_employers ce ON ce.case_id = c.id
         JOIN lawyer_engagements le ON le.lawyer_id = c.lawyer_id AND le.employer_id = ce.employer_id
         JOIN employers e ON e.id = ce.employer_id
        WHERE c.id = $1 ORDER BY e.name`,
      [record.id],
    );
  }

  async timeline(id: string, query: PageQuery, scope: Scope): Promise<Page<CaseEvent>> {
    await assertCaseVisible(this.dataSource.manager, id, scope);
    return this.events.list(id, query);
  }

  private intakeDateProblems(intakeDate: string): FieldProblem[] {
    return intakeDate > shanghaiDate(this.clock.now()) ? [{ field: 'intakeDate', code: 'DATE_IN_FUTURE' }] : [];
  }

  private orderOf(sort: string | undefined): string {
    const [key, direction = 'desc'] = (sort ?? 'intakeDate:desc').split(':');
    if (!CASE_SORT_COLUMNS[key] || !['asc', 'desc'].includes(direction)) {
      throw AppError.invalidField('sort', 'NOT_ONE_OF', {
        allowed: Object.keys(CASE_SORT_COLUMNS)
          .flatMap((k) => [`${k}:asc`, `${k}:desc`])
          .join(', '),
      });
    }
    return `${CASE_SORT_COLUMNS[key]} ${direction.toUpperCase()}`;
  }

  /** Every reference of a new case, checked together so the form shows all that is wrong at once. */
  private async assertReferences(manager: EntityManager, dto: CreateCaseDto, organisation: Organisation | null) {
    const problems: FieldProblem[] = [];
    if (!organisation) problems.push({ field: 'organisationId', code: 'NOT_FOUND' });
    const employerIds = dto.employers.map((link) => link.employerId);
    const known = new Set(
      (await manager.getRepository(Employer).find({ where: { id: In(employerIds) }, select: { id: true } })).map(
        (e) => e.id,
      ),
    );
    dto.employers.forEach((link, index) => {
      if (!known.has(link.employerId)) problems.push({ field: `employers.${index}.employerId`, code: 'NOT_FOUND' });
    });
    if (dto.projectId && !(await manager.getRepository(Project).existsBy({ id: dto.projectId }))) {
      problems.push({ field: 'projectId', code: 'NOT_FOUND' });
    }
    for (const [field, role] of [
      ['lawyerId', 'lawyer'],
      ['mediatorId', 'mediator'],
    ] as const) {
      const userId = dto[field];
      if (!userId) continue;
      try {
        await this.users.assertAssignable(manager, userId, role, field, organisation?.id);
      } catch (error) {
        if (error instanceof AppError) problems.push(...error.problems);
        else throw error;
      }
    }
    if (problems.length > 0) throw AppError.invalid(problems);
  }

  private async insertEvidence(manager: EntityManager, caseId: string, evidence: EvidenceDto[]): Promise<void> {
    await manager.getRepository(CaseEvidence).insert(
      evidence.map((item) => ({
        caseId,
        kind: item.kind,
        description: item.description.trim(),
        receivedOn: item.receivedOn ?? null,
      })),
    );
  }
}

function duplicateEmployerProblems(employers: CaseEmployerDto[]): FieldProblem[] {
  const seen = new Map<string, number>();
  const problems: FieldProblem[] = [];
  employers.forEach((link, index) => {
    const earlier = seen.get(link.employerId);
    if (earlier !== undefined) {
      problems.push({ field: `employers.${index}.employerId`, code: 'DUPLICATE_IN_REQUEST', params: { other: earlier + 1 } });
    } else seen.set(link.employerId, index);
  });
  return problems;
}
