import { Injectable } from '@nestjs/common';
import { Actor, Scope } from '../auth/domain/actor';
import { batchProblems, toClaimInput } from '../claims/claim-input';
import { ClaimsService } from '../claims/claims.service';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { Page, PageQuery } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { yearOf } from '../common/time/calendar-days';
import { shanghaiDate } from '../common/time/shanghai';
import { Transactions, type Tx } from '../database/transactions';
import type { Organisation } from '../organisations/organisation.record';
import type { Project } from '../projects/project.record';
import type { CaseEvent } from '../timeline/case-event.record';
import { CaseEventsService, NewCaseEvent } from '../timeline/case-events.service';
import type { User } from '../users/user.record';
import { UsersService } from '../users/users.service';
import { WorkersService } from '../workers/workers.service';
import { normalizeResidentId } from '../common/identifiers/resident-id';
import type { CaseEvidence } from './case-evidence.record';
import { CaseClosings } from './case-closings';
import type { CaseWarningView, DispatchedCaseView } from './case.view';
import { assertSameVersion } from '../database/optimistic-update';
import type { Case } from './case.record';
import { CaseEmployerOfCase, CaseLegalDates, CasesRepository } from './cases.repository';
import type { CaseExportRow, CaseListPageRow } from './cases.sql';
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
import { automaticMoveDay, legalDateProblems, statusChangeDayProblems } from './domain/event-days';
import {
  AutomaticMoveTrigger,
  Mover,
  TransitionRequest,
  automaticMove,
  decideTransition,
  isFinal,
} from './domain/case-status';

/** Who moves a case, why, and the day the move happened. */
interface MoveDetails {
  actorId: string;
  note: string | null;
  mover: Mover;
  on: string;
}

/** What the timeline says of a move the product made by itself. */
const AUTOMATIC_MOVE_NOTES: Record<AutomaticMoveTrigger, string> = {
  agreement_signed: 'agreement signed',
  first_payout: 'first payout recorded',
  correction_reopened: 'a payout correction left money owed',
};
import { CaseTotals } from './domain/case-totals';

/** Everything the case view shows. */
export interface CaseDetail {
  record: Case;
  organisation: Organisation;
  project: Project | null;
  lawyer: User | null;
  mediator: User | null;
  employers: CaseEmployerOfCase[];
  evidence: CaseEvidence[];
  totals: CaseTotals;
}

export interface CaseListItem {
  row: CaseListPageRow;
  totals: CaseTotals;
}

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly claims: ClaimsService,
    private readonly events: CaseEventsService,
    private readonly users: UsersService,
    private readonly workers: WorkersService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly closings: CaseClosings,
  ) {}

  /**
   * Opens a case. `linkSource` runs in the same transaction, so a case opened from a consultation or
   * an early warning is linked to it, or not opened at all.
   */
  async open(
    dto: CreateCaseDto,
    actor: Actor,
    linkSource?: (tx: Tx, caseId: string) => Promise<void>,
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

    const written = await this.transactions.run(async (tx) => {
      const organisation = await this.cases.organisationInScope(tx, dto.organisationId, actor.scope);
      const references = await this.assertReferences(tx, dto, organisation);
      const claimants = claimInputs.length > 0 ? await this.claims.claimants(tx, claimInputs, actor, 'form', 'VALIDATION_FAILED') : [];
      // The organisation's case number is taken last: its counter's row stays locked until the commit,
      // and every opening in the organisation waits for it (issue 17: intake), so after it come only
      // the writes that need the case.
      const opened = await this.cases.insertCase(tx, {
        organisationId: organisation!.id,
        organisationCode: organisation!.code,
        year: yearOf(dto.intakeDate),
        intakeChannel: dto.intakeChannel,
        intakeDate: dto.intakeDate,
        summary: dto.summary.trim(),
        projectId: dto.projectId ?? null,
        lawyerId: dto.lawyerId ?? null,
        mediatorId: dto.mediatorId ?? null,
      });
      await this.cases.insertCaseEmployers(tx, opened.id, dto.employers);
      const evidence = dto.evidence?.length ? await this.insertEvidence(tx, opened.id, dto.evidence) : [];
      const openingEvent: NewCaseEvent = {
        caseId: opened.id,
        kind: 'case_opened',
        actorId: actor.id,
        happenedOn: opened.intakeDate,
        toStatus: 'received',
        data: {
          caseNumber: opened.caseNumber,
          intakeChannel: opened.intakeChannel,
          lawyerId: opened.lawyerId,
          mediatorId: opened.mediatorId,
        },
      };
      if (claimInputs.length > 0) {
        await this.claims.insertClaims(tx, opened.id, claimInputs, claimants, actor, 'form', openingEvent);
      } else {
        await this.events.append(tx, openingEvent);
      }
      if (linkSource) await linkSource(tx, opened.id);
      // The answer is what was just written and checked, not read again (issue 17: intake is the desk's
      // busiest write); the case's row again only when linking its source wrote to it.
      const record = linkSource ? (await this.cases.findInScope(tx, opened.id, actor.scope))! : opened;
      return { record, organisation: organisation!, evidence, ...references };
    });
    // its money after the commit, out of the counter's lock
    const totals = await this.claims.totals(this.transactions.none, [written.record.id]);
    return { ...written, totals: totals.get(written.record.id)! };
  }

  async get(id: string, scope: Scope): Promise<CaseDetail> {
    const tx = this.transactions.none;
    const record = await this.cases.findInScope(tx, id, scope);
    if (!record) throw new AppError('CASE_NOT_FOUND');
    const [{ organisation, project, people, employers, evidence }, totals] = await Promise.all([
      this.cases.partsOf(tx, record),
      this.claims.totals(tx, [id]),
    ]);
    return {
      record,
      organisation,
      project,
      lawyer: people.find((user) => user.id === record.lawyerId) ?? null,
      mediator: people.find((user) => user.id === record.mediatorId) ?? null,
      employers,
      evidence,
      totals: totals.get(id)!,
    };
  }

  async list(query: CaseListQuery, scope: Scope): Promise<Page<CaseListItem>> {
    const tx = this.transactions.none;
    const { rows, total } = await this.cases.page(tx, query, scope, this.idNumberSearched(query.q));
    const totals = await this.claims.totals(tx, rows.map((row) => row.id));
    return {
      items: rows.map((row) => ({ row, totals: totals.get(row.id)! })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Every case the list would show, for an export: one cursor over the reports database, each row with
   * its money from the reports' summary table, so 100,000 rows stream in bounded memory.
   */
  async exportRows(query: CaseListQuery, scope: Scope): Promise<AsyncIterable<CaseExportRow>> {
    const idNumberHash = this.idNumberSearched(query.q);
    // a search too broad is refused before the first row is sent
    if (!idNumberHash && query.q?.trim()) await this.cases.assertSearchNarrowEnough(this.transactions.none, query.q, scope);
    return this.cases.exportRows(query, scope, idNumberHash);
  }

  async update(id: string, dto: UpdateCaseDto, actor: Actor): Promise<CaseDetail> {
    await this.transactions.run(async (tx) => {
      const record = await this.cases.lockOpenCase(tx, id, actor.scope);
      assertSameVersion(record, dto.version);
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      const change = <K extends 'summary' | 'intakeChannel' | 'projectId'>(key: K, value: Case[K] | undefined) => {
        if (value === undefined || value === record[key]) return;
        changes[key] = { before: record[key], after: value };
        record[key] = value;
      };
      if (dto.projectId && !(await this.cases.projectById(tx, dto.projectId))) {
        throw AppError.invalidField('projectId', 'NOT_FOUND');
      }
      change('summary', dto.summary?.trim());
      change('intakeChannel', dto.intakeChannel);
      change('projectId', dto.projectId);
      if (Object.keys(changes).length === 0) return;
      await this.cases.saveCase(tx, record);
      await this.events.append(tx, { caseId: id, kind: 'case_updated', actorId: actor.id, data: { changes } });
    });
    return this.get(id, actor.scope);
  }

  async assign(id: string, dto: AssignmentDto, actor: Actor): Promise<CaseDetail> {
    await this.transactions.run(async (tx) => {
      const record = await this.cases.lockOpenCase(tx, id, actor.scope);
      assertSameVersion(record, dto.version);
      const actorId = actor.id;
      const events: NewCaseEvent[] = [];
      if (dto.lawyerId !== undefined && dto.lawyerId !== record.lawyerId) {
        if (dto.lawyerId) await this.users.assertAssignable(tx, dto.lawyerId, 'lawyer', 'lawyerId', record.organisationId);
        events.push({ caseId: id, kind: 'lawyer_assigned', actorId, data: { from: record.lawyerId, to: dto.lawyerId } });
        record.lawyerId = dto.lawyerId;
      }
      if (dto.mediatorId !== undefined && dto.mediatorId !== record.mediatorId) {
        if (dto.mediatorId) {
          await this.users.assertAssignable(tx, dto.mediatorId, 'mediator', 'mediatorId', record.organisationId);
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
      await this.cases.saveCase(tx, record);
      await this.events.append(tx, ...events);
    });
    return this.get(id, actor.scope);
  }

  async transition(id: string, dto: TransitionDto, actor: Actor): Promise<CaseDetail> {
    await this.transactions.run(async (tx) => {
      const record = await this.cases.lockCase(tx, id, actor.scope);
      assertSameVersion(record, dto.version);
      const lastChangeOn = await this.events.lastStatusChangeOn(tx, record.id);
      const today = shanghaiDate(this.clock.now());
      const on = dto.on ?? today;
      const problems = statusChangeDayProblems('on', on, { intakeDate: record.intakeDate, today }, lastChangeOn);
      if (problems.length > 0) throw AppError.invalid(problems);
      await this.move(tx, record, dto, { actorId: actor.id, note: dto.note?.trim() || null, mover: 'person', on });
    });
    return this.get(id, actor.scope);
  }

  /**
   * Records the dates the law counts from on a locked case; false when none was given. Steps that
   * happened must have happened (not after today, not before the case was opened) and in order.
   */
  async recordLegalDates(tx: Tx, record: Pick<Case, 'id' | 'intakeDate'>, dates: CaseLegalDates): Promise<boolean> {
    const stored = await this.cases.legalStepsOf(tx, record.id);
    const days = { intakeDate: record.intakeDate, today: shanghaiDate(this.clock.now()) };
    const problems = legalDateProblems(dates, stored, days);
    if (problems.length > 0) throw AppError.invalid(problems);
    return this.cases.updateLegalDates(tx, record.id, dates);
  }

  /**
   * The move a recording makes by itself (an agreement signed, the first money), if it makes one from
   * the case's status: through the same door as a person's move. The case must be locked.
   */
  async moveAutomatically(tx: Tx, record: Case, trigger: AutomaticMoveTrigger, actorId: string, triggeredOn: string): Promise<void> {
    const request = automaticMove(trigger, record.status);
    if (!request) return;
    const on = automaticMoveDay(triggeredOn, await this.events.lastStatusChangeOn(tx, record.id));
    await this.move(tx, record, request, { actorId, note: AUTOMATIC_MOVE_NOTES[trigger], mover: 'recording', on });
  }

  /**
   * The one door into the status machine: the transition table and its guards decide, then the move
   * is saved and written to the timeline. The case must be locked by the caller's transaction.
   */
  private async move(tx: Tx, record: Case, request: TransitionRequest, how: MoveDetails): Promise<void> {
    const { actorId, note, mover, on } = how;
    const totals = (await this.claims.totals(tx, [record.id])).get(record.id)!;
    const decision = decideTransition({ status: record.status, mediatorId: record.mediatorId, claims: totals }, request, mover);
    const details = { outcome: decision.outcome, reason: decision.reason, referredTo: decision.referredTo, note };
    record.status = decision.to;
    record.outcome = decision.outcome;
    record.statusReason = decision.reason;
    if (decision.referredTo !== null) record.referredTo = decision.referredTo;
    record.closedAt = isFinal(decision.to) ? this.clock.now() : null;
    record.closedOn = isFinal(decision.to) ? on : null;
    await this.cases.saveCase(tx, record);
    if (decision.to === 'closed') await this.closings.closed(tx, record, on);
    if (decision.from === 'closed') await this.closings.reopened(tx, record.id);
    await this.events.append(tx, {
      caseId: record.id,
      kind: 'status_changed',
      actorId,
      fromStatus: decision.from,
      toStatus: decision.to,
      happenedOn: on,
      data: Object.fromEntries(Object.entries(details).filter(([, value]) => value !== null && value !== undefined)),
    });
  }

  async addNote(id: string, dto: NoteDto, actor: Actor): Promise<void> {
    await this.transactions.run(async (tx) => {
      await this.cases.lockCase(tx, id, actor.scope);
      await this.events.append(tx, {
        caseId: id,
        kind: 'note_added',
        actorId: actor.id,
        data: { text: dto.text.trim() },
      });
    });
  }

  async addEvidence(id: string, dto: EvidenceDto, actor: Actor): Promise<CaseDetail> {
    await this.transactions.run(async (tx) => {
      await this.cases.lockOpenCase(tx, id, actor.scope);
      await this.insertEvidence(tx, id, [dto]);
      await this.events.append(tx, {
        caseId: id,
        kind: 'evidence_added',
        actorId: actor.id,
        data: { kind: dto.kind, description: dto.description.trim() },
      });
    });
    return this.get(id, actor.scope);
  }

  async addEmployer(id: string, dto: CaseEmployerDto, actor: Actor): Promise<CaseDetail> {
    await this.transactions.run(async (tx) => {
      await this.cases.lockOpenCase(tx, id, actor.scope);
      if (!(await this.cases.employerExists(tx, dto.employerId))) {
        throw AppError.invalidField('employerId', 'NOT_FOUND');
      }
      await this.cases.insertCaseEmployers(tx, id, [dto]);
      await this.events.append(tx, {
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
    return this.transactions.run(async (tx) => {
      const record = await this.cases.lockOpenCase(tx, id, actor.scope);
      assertSameVersion(record, dto.version);
      const target = await this.cases.organisation(tx, dto.organisationId);
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
        if (assigned && !(await this.users.seesOrganisation(tx, assigned, target.id))) {
          record[field] = null;
          events.push({ caseId: id, kind, actorId: actor.id, data: { from: assigned, to: null, reason: 'dispatched' } });
        }
      }
      await this.cases.saveCase(tx, record);
      await this.events.append(tx, ...events);
      return { id, organisationId: target.id };
    });
  }

  /**
   * The case's lawyer has declared acting for one of its employers: a conflict to flag when the lawyer
   * is assigned (the people decide; a lawyer may have advised a company years ago on something else).
   */
  async lawyerConflicts(record: Pick<Case, 'id' | 'lawyerId'>): Promise<CaseWarningView[]> {
    if (!record.lawyerId) return [];
    return this.cases.lawyerConflicts(this.transactions.none, record.id);
  }

  /**
   * Links a case to the consultation it was opened from, in the opening's transaction (the desk links
   * the consultation back to the case).
   */
  async linkConsultation(tx: Tx, caseId: string, consultationId: string): Promise<void> {
    await this.cases.setConsultation(tx, caseId, consultationId);
  }

  async timeline(id: string, query: PageQuery, scope: Scope): Promise<Page<CaseEvent>> {
    await this.cases.assertCaseVisible(this.transactions.none, id, scope);
    return this.events.list(id, query);
  }

  /**
   * A search that is a whole id number finds the cases of that worker, through the keyed hash of the
   * number (id numbers are sealed, never searched in clear): the lookup key, or null for other searches.
   */
  private idNumberSearched(q: string | undefined): string | null {
    const candidate = normalizeResidentId(q ?? '');
    return /^\d{17}[\dX]$/.test(candidate) ? this.workers.lookupHash(candidate) : null;
  }

  private intakeDateProblems(intakeDate: string): FieldProblem[] {
    return intakeDate > shanghaiDate(this.clock.now()) ? [{ field: 'intakeDate', code: 'DATE_IN_FUTURE' }] : [];
  }

  /**
   * Every reference of a new case, checked together so the form shows all that is wrong at once; what
   * they are, as the case page shows them.
   */
  private async assertReferences(
    tx: Tx,
    dto: CreateCaseDto,
    organisation: Organisation | null,
  ): Promise<Pick<CaseDetail, 'employers' | 'project' | 'lawyer' | 'mediator'>> {
    const problems: FieldProblem[] = [];
    if (!organisation) problems.push({ field: 'organisationId', code: 'NOT_FOUND' });
    const known = new Map((await this.cases.employersByIds(tx, dto.employers.map((link) => link.employerId))).map((employer) => [employer.id, employer]));
    dto.employers.forEach((link, index) => {
      if (!known.has(link.employerId)) problems.push({ field: `employers.${index}.employerId`, code: 'NOT_FOUND' });
    });
    const project = dto.projectId ? await this.cases.projectById(tx, dto.projectId) : null;
    if (dto.projectId && !project) problems.push({ field: 'projectId', code: 'NOT_FOUND' });
    const people: Pick<CaseDetail, 'lawyer' | 'mediator'> = { lawyer: null, mediator: null };
    for (const [field, role] of [
      ['lawyerId', 'lawyer'],
      ['mediatorId', 'mediator'],
    ] as const) {
      const userId = dto[field];
      if (!userId) continue;
      try {
        people[role] = await this.users.assertAssignable(tx, userId, role, field, organisation?.id);
      } catch (error) {
        if (error instanceof AppError) problems.push(...error.problems);
        else throw error;
      }
    }
    if (problems.length > 0) throw AppError.invalid(problems);
    return { employers: dto.employers.map((link) => ({ ...known.get(link.employerId)!, role: link.role })), project, ...people };
  }

  private insertEvidence(tx: Tx, caseId: string, evidence: EvidenceDto[]): Promise<CaseEvidence[]> {
    return this.cases.insertEvidence(
      tx,
      caseId,
      evidence.map((item) => ({ kind: item.kind, description: item.description.trim(), receivedOn: item.receivedOn ?? null })),
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
