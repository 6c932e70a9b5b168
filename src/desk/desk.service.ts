import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { Actor, Scope } from '../auth/domain/actor';
import { CaseDetail, CasesService } from '../cases/cases.service';
import { CreateCaseDto } from '../cases/dto/case.dto';
import { IntakeChannel } from '../cases/case.record';
import { fen } from '../claims/claim-input';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { shanghaiDate, shanghaiTimestamp } from '../common/time/shanghai';
import { Transactions, type Tx } from '../database/transactions';
import { UsersService } from '../users/users.service';
import { DeskRepository, type EarlyWarningRow } from './desk.repository';
import type { DutyShiftView, LawyerEngagementView, RosterEntryView } from './desk.view';
import { consultationTimeProblems, intakeFromConsultationProblems } from './domain/consultation-time';
import { ShiftLine, dutyClashes, monthDays } from './domain/duty-roster';
import {
  ConsultationDto,
  ConsultationListQuery,
  DutyShiftDto,
  DutyShiftsDto,
  EngagementDto,
  MonthRosterDto,
  MonthRostersDto,
  OpenFromDeskDto,
  OutreachVisitDto,
} from './dto/desk.dto';

/** How a consultation's channel becomes a case's intake channel. */
const INTAKE_CHANNEL: Record<ConsultationDto['channel'], IntakeChannel> = {
  walk_in: 'walk_in',
  hotline_12351: 'hotline_12351',
  phone: 'hotline_12351',
  online: 'online',
  outreach_visit: 'outreach_visit',
};

const TOPIC_NAMES: Record<ConsultationDto['topic'], string> = {
  unpaid_wages: '拖欠工资',
  unpaid_labour_fees: '拖欠劳务费',
  no_written_contract: '未签书面劳动合同',
  work_injury: '工伤',
  social_insurance: '社会保险',
  dismissal: '解除劳动关系',
  other: '其他',
};

/**
 * The on-duty lawyers' daily work: who is on duty, the consultations they log, the outreach visits
 * they make, and turning either into a case with what was recorded carried over.
 */
@Injectable()
export class DeskService {
  constructor(
    private readonly cases: CasesService,
    private readonly clock: Clock,
    private readonly desk: DeskRepository,
    private readonly transactions: Transactions,
    private readonly users: UsersService,
  ) {}

  async addShift(dto: DutyShiftDto, actor: Actor): Promise<DutyShiftView> {
    await this.assertOrganisationInScope(dto.organisationId, actor.scope);
    return this.transactions.run(async (tx) => {
      await this.users.assertAssignable(tx, dto.lawyerId, 'lawyer', 'lawyerId', dto.organisationId);
      const id = await this.desk.insertShift(tx, { organisationId: dto.organisationId, lawyerId: dto.lawyerId, day: dto.day });
      return { id, organisationId: dto.organisationId, lawyerId: dto.lawyerId, day: dto.day };
    });
  }

  /**
   * Many shifts in one transaction (a month for two lawyers is 60): every line checked as the single
   * shift is, and saved all together or not at all, with every line that is wrong named at once.
   */
  async addShifts(dto: DutyShiftsDto, actor: Actor): Promise<DutyShiftView[]> {
    return this.transactions.run(async (tx) => {
      const problems = await this.shiftProblems(tx, dto.shifts, (index) => `shifts.${index}`, actor.scope);
      if (problems.length > 0) throw AppError.invalid(problems);
      return this.desk.insertShifts(tx, dto.shifts);
    });
  }

  /**
   * A service center's roster for a month becomes exactly the lines sent (an empty list clears it): the
   * month as one form saves it, in one transaction, the same checks as adding. Sending it twice is
   * harmless. Shifts at other centers are untouched, and a lawyer on duty at one of them that day
   * is a clash as ever.
   */
  async replaceMonth(dto: MonthRosterDto, actor: Actor): Promise<RosterEntryView[]> {
    await this.assertOrganisationInScope(dto.organisationId, actor.scope);
    return this.replaceCentersMonth(dto.month, [{ organisationId: dto.organisationId, shifts: dto.shifts, field: 'shifts' }], actor.scope);
  }

  /**
   * Several centers' months at once (the duty roster's month grid): all or nothing, every problem of
   * every center named at its field (`rosters.2.shifts.5.day`), a lawyer moved from one center to
   * another on the same day no clash whichever comes first.
   */
  async replaceMonths(dto: MonthRostersDto, actor: Actor): Promise<RosterEntryView[]> {
    const centers = dto.rosters.map((roster, index) => ({ ...roster, field: `rosters.${index}.shifts` }));
    const problems: FieldProblem[] = [];
    const seen = new Map<string, number>();
    const inScope = await this.desk.organisationsInScope(
      this.transactions.none,
      dto.rosters.map((roster) => roster.organisationId),
      actor.scope,
    );
    for (const [index, roster] of dto.rosters.entries()) {
      const earlier = seen.get(roster.organisationId);
      if (earlier !== undefined) {
        problems.push({ field: `rosters.${index}.organisationId`, code: 'DUPLICATE_IN_REQUEST', params: { other: earlier + 1 } });
      } else if (!inScope.has(roster.organisationId)) {
        problems.push({ field: `rosters.${index}.organisationId`, code: 'NOT_FOUND' });
      }
      seen.set(roster.organisationId, earlier ?? index);
    }
    if (problems.length > 0) throw AppError.invalid(problems);
    return this.replaceCentersMonth(dto.month, centers, actor.scope);
  }

  /** Replaces each center's shifts in the month with those sent, in one transaction; `field` names a center's shifts in the request. */
  private replaceCentersMonth(
    month: string,
    centers: { organisationId: string; shifts: { lawyerId: string; day: string }[]; field: string }[],
    scope: Scope,
  ): Promise<RosterEntryView[]> {
    const { first, last } = monthDays(month);
    const lines: ShiftLine[] = [];
    const fields: string[] = [];
    for (const center of centers) {
      center.shifts.forEach((shift, index) => {
        lines.push({ organisationId: center.organisationId, lawyerId: shift.lawyerId, day: shift.day });
        fields.push(`${center.field}.${index}`);
      });
    }
    const organisationIds = centers.map((center) => center.organisationId);
    return this.transactions.run(async (tx) => {
      const problems: FieldProblem[] = lines.flatMap((line, index) =>
        line.day < first || line.day > last ? [{ row: index + 1, field: `${fields[index]}.day`, code: 'OUTSIDE_MONTH' as const, params: { month } }] : [],
      );
      problems.push(...(await this.shiftProblems(tx, lines, (index) => fields[index], scope, { organisationIds, from: first, to: last })));
      if (problems.length > 0) throw AppError.invalid(problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
      for (const organisationId of organisationIds) await this.desk.deleteShifts(tx, organisationId, first, last);
      await this.desk.insertShifts(tx, lines);
      const rosters: RosterEntryView[] = [];
      for (const organisationId of organisationIds) rosters.push(...(await this.desk.roster(tx, organisationId, first, last)));
      return rosters;
    });
  }

  /**
   * What is wrong with each line, as the single shift would say it, at the line's fields (`lineField(i)`
   * + '.organisationId', '.lawyerId', '.day'): a center outside the caller's scope, someone who is not
   * an active lawyer able to see the center, a lawyer on duty twice that day (dutyClashes). `replacing`
   * are centers' months about to be replaced: their shifts are no clash.
   */
  private async shiftProblems(
    tx: Tx,
    lines: ShiftLine[],
    lineField: (index: number) => string,
    scope: Scope,
    replacing?: { organisationIds: string[]; from: string; to: string },
  ): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const inScope = await this.desk.organisationsInScope(tx, lines.map((line) => line.organisationId), scope);
    // a lawyer's problems depend on the center (can he see it?), so each pair is asked once
    const lawyerProblems = new Map<string, FieldProblem[]>();
    for (const line of lines) {
      const pair = `${line.lawyerId} ${line.organisationId}`;
      if (lawyerProblems.has(pair) || !inScope.has(line.organisationId)) continue;
      lawyerProblems.set(pair, await this.assignableProblems(tx, line.lawyerId, line.organisationId));
    }
    lines.forEach((line, index) => {
      const row = index + 1;
      if (!inScope.has(line.organisationId)) {
        problems.push({ row, field: `${lineField(index)}.organisationId`, code: 'NOT_FOUND' });
        return;
      }
      for (const problem of lawyerProblems.get(`${line.lawyerId} ${line.organisationId}`) ?? []) {
        problems.push({ ...problem, row, field: `${lineField(index)}.lawyerId` });
      }
    });
    const onDuty = await this.desk.shiftsOnDays(tx, lines, replacing ?? null);
    // several centers' months at once (the grid, whose cells have no numbers): a clash between two of them
    // names the other center; a list of lines names the other line
    const grid = replacing && replacing.organisationIds.length > 1;
    const centerNames = grid ? await this.desk.organisationNames(tx, replacing.organisationIds) : new Map<string, string>();
    problems.push(...dutyClashes(lines, onDuty, (index) => `${lineField(index)}.day`, centerNames));
    return problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }

  /** The single shift's check of its lawyer (UsersService.assertAssignable), as problems rather than a throw. */
  private async assignableProblems(tx: Tx, lawyerId: string, organisationId: string): Promise<FieldProblem[]> {
    try {
      await this.users.assertAssignable(tx, lawyerId, 'lawyer', 'lawyerId', organisationId);
      return [];
    } catch (error) {
      if (error instanceof AppError && error.problems.length > 0) return error.problems;
      throw error;
    }
  }

  async removeShift(id: string, scope: Scope): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (!(await this.desk.deleteShiftInScope(tx, id, scope))) throw new AppError('DUTY_SHIFT_NOT_FOUND');
    });
  }

  /** A service center's roster for a month, or who is on duty today. */
  async roster(organisationId: string, month: string | undefined, scope: Scope): Promise<RosterEntryView[]> {
    await this.assertOrganisationInScope(organisationId, scope);
    const [from, to] = month
      ? [`${month}-01`, null]
      : [shanghaiDate(this.clock.now()), shanghaiDate(this.clock.now())];
    return this.desk.roster(this.transactions.none, organisationId, from, to);
  }

  async logConsultation(dto: ConsultationDto, actor: Actor) {
    const now = this.clock.now();
    const consultedAt = dto.consultedAt ? new Date(dto.consultedAt) : now;
    const timeProblems = consultationTimeProblems(consultedAt, now);
    if (timeProblems.length > 0) throw AppError.invalid(timeProblems);
    await this.assertOrganisationInScope(dto.organisationId, actor.scope);
    return this.transactions.run(async (tx) => {
      if (dto.employerId && !(await this.desk.employerExists(tx, dto.employerId))) {
        throw AppError.invalidField('employerId', 'NOT_FOUND');
      }
      if (dto.workerId && !(await this.desk.workerExists(tx, dto.workerId))) {
        throw AppError.invalidField('workerId', 'NOT_FOUND');
      }
      return this.desk.insertConsultation(tx, {
        organisation_id: dto.organisationId,
        lawyer_id: actor.id,
        consulted_at: consultedAt,
        channel: dto.channel,
        topic: dto.topic,
        worker_name: dto.workerName?.trim() || null,
        worker_id: dto.workerId ?? null,
        employer_id: dto.employerId ?? null,
        employer_name: dto.employerName?.trim() || null,
        advice: dto.advice.trim(),
        duration_minutes: dto.durationMinutes,
        follow_up_needed: dto.followUpNeeded ?? false,
      });
    });
  }

  /** A lawyer's consultations of a day, with counts by topic. */
  async consultations(query: ConsultationListQuery, actor: Actor) {
    const day = query.day ?? shanghaiDate(this.clock.now());
    const items = await this.desk.consultationsOfDay(this.transactions.none, query.lawyerId ?? actor.id, day, actor.scope);
    const byTopic: Record<string, number> = {};
    for (const item of items) byTopic[item.topic] = (byTopic[item.topic] ?? 0) + 1;
    return {
      day,
      items,
      counts: {
        total: items.length,
        followUpNeeded: items.filter((i) => i.follow_up_needed).length,
        openedCases: items.filter((i) => i.case_id).length,
        byTopic,
      },
    };
  }

  /** Opens a case from a consultation, carrying over its organisation, channel, employer and lawyer. */
  async caseFromConsultation(consultationId: string, dto: OpenFromDeskDto, actor: Actor): Promise<CaseDetail> {
    const consultation = await this.desk.consultationInScope(this.transactions.none, consultationId, actor.scope);
    if (!consultation) throw new AppError('CONSULTATION_NOT_FOUND');
    if (consultation.case_id) throw new AppError('ALREADY_A_CASE');
    const dateProblems = intakeFromConsultationProblems(new Date(consultation.consulted_at), shanghaiDate(this.clock.now()));
    if (dateProblems.length > 0) throw AppError.invalid(dateProblems);
    const employers = dto.employers ?? (consultation.employer_id ? [{ employerId: consultation.employer_id, role: 'employer' }] : []);
    if (employers.length === 0) throw AppError.invalidField('employers', 'REQUIRED');
    const createCase = plainToInstance(CreateCaseDto, {
      organisationId: consultation.organisation_id,
      intakeChannel: INTAKE_CHANNEL[consultation.channel],
      intakeDate: shanghaiDate(new Date(consultation.consulted_at)),
      summary: dto.summary?.trim() || `${TOPIC_NAMES[consultation.topic]}：${consultation.advice}`.slice(0, 2000),
      employers,
      lawyerId: consultation.lawyer_id,
      mediatorId: dto.mediatorId,
      claims: dto.claims,
    });
    try {
      return await this.cases.open(createCase, actor, async (tx, caseId) => {
        await this.desk.setConsultationCase(tx, consultationId, caseId);
        await this.cases.linkConsultation(tx, caseId, consultationId);
      });
    } catch (error) {
      throw inConsultationTerms(error, dto);
    }
  }

  /** Records a visit; a finding of arrears raises an early warning on the employer and project. */
  async logVisit(dto: OutreachVisitDto, actor: Actor) {
    await this.assertOrganisationInScope(dto.organisationId, actor.scope);
    if (dto.visitedOn > shanghaiDate(this.clock.now())) throw AppError.invalidField('visitedOn', 'DATE_IN_FUTURE');
    return this.transactions.run(async (tx) => {
      if (!(await this.desk.employerExists(tx, dto.employerId))) {
        throw AppError.invalidField('employerId', 'NOT_FOUND');
      }
      const visit = await this.desk.insertVisit(tx, {
        organisation_id: dto.organisationId,
        lawyer_id: actor.id,
        visited_on: dto.visitedOn,
        employer_id: dto.employerId,
        project_id: dto.projectId ?? null,
        site: dto.site?.trim() || null,
        workers_reached: dto.workersReached,
        wage_sheets: dto.wageSheets,
        dedicated_wage_account: dto.dedicatedWageAccount,
        guarantee_deposit: dto.guaranteeDeposit,
        real_name_records: dto.realNameRecords,
        arrears_found: dto.arrearsFound,
        findings: dto.findings?.trim() || null,
      });
      let warning: EarlyWarningRow | null = null;
      if (dto.arrearsFound) {
        warning = await this.desk.insertWarning(tx, {
          visit_id: visit.id,
          organisation_id: dto.organisationId,
          employer_id: dto.employerId,
          project_id: dto.projectId ?? null,
          raised_on: dto.visitedOn,
          estimated_workers: dto.estimatedWorkers ?? null,
          estimated_fen: dto.estimatedAmount ? fen(dto.estimatedAmount).toString() : null,
        });
      }
      return { visit, earlyWarning: warning };
    });
  }

  async warnings(status: string | undefined, scope: Scope) {
    return this.desk.warnings(this.transactions.none, status ?? null, scope);
  }

  /** Opens a case from an early warning: the visit's organisation, employer and project, channel outreach. */
  async caseFromWarning(warningId: string, dto: OpenFromDeskDto, actor: Actor): Promise<CaseDetail> {
    const warning = await this.desk.warningInScope(this.transactions.none, warningId, actor.scope);
    if (!warning) throw new AppError('EARLY_WARNING_NOT_FOUND');
    if (warning.status !== 'open') throw new AppError('ALREADY_A_CASE');
    const createCase = plainToInstance(CreateCaseDto, {
      organisationId: warning.organisation_id,
      intakeChannel: 'outreach_visit',
      intakeDate: shanghaiDate(this.clock.now()),
      summary: dto.summary?.trim() || `送法进企业发现欠薪：${warning.findings ?? ''}`.slice(0, 2000),
      employers: dto.employers ?? [{ employerId: warning.employer_id, role: 'employer' }],
      projectId: warning.project_id ?? undefined,
      lawyerId: actor.roles.includes('lawyer') ? actor.id : undefined,
      mediatorId: dto.mediatorId,
      claims: dto.claims,
    });
    return this.cases.open(createCase, actor, async (tx, caseId) => {
      await this.desk.markWarningCaseOpened(tx, warningId, caseId);
    });
  }

  async declareEngagement(dto: EngagementDto, actor: Actor): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (!(await this.desk.employerExists(tx, dto.employerId))) {
        throw AppError.invalidField('employerId', 'NOT_FOUND');
      }
      await this.desk.upsertEngagement(tx, actor.id, dto.employerId, dto.note?.trim() || null);
    });
  }

  /** A lawyer's past engagements, when the lawyer is in the caller's scope. */
  async engagementsOf(lawyerId: string, scope: Scope): Promise<LawyerEngagementView[]> {
    if (!(await this.desk.userInScope(this.transactions.none, lawyerId, scope))) throw AppError.invalidField('lawyerId', 'NOT_FOUND');
    const rows = await this.desk.engagementsOf(this.transactions.none, lawyerId);
    return rows.map((row) => ({ ...row, recordedAt: shanghaiTimestamp(row.recordedAt) }));
  }

  private async assertOrganisationInScope(organisationId: string, scope: Scope): Promise<void> {
    if (!(await this.desk.organisationInScope(this.transactions.none, organisationId, scope))) {
      throw AppError.invalidField('organisationId', 'NOT_FOUND');
    }
  }
}

/**
 * The case's fields that a case opened from a consultation takes from the consultation, and that
 * consultation's fields behind them: a problem the case finds with one of them is said of the
 * consultation's field, never of a case field the request did not send.
 */
function inConsultationTerms(error: unknown, dto: OpenFromDeskDto): unknown {
  if (!(error instanceof AppError) || error.problems.length === 0) return error;
  const carriedOver: Record<string, string> = {
    intakeDate: 'consultedAt',
    intakeChannel: 'channel',
    ...(dto.summary?.trim() ? {} : { summary: 'advice' }),
    ...(dto.employers ? {} : { 'employers.0.employerId': 'employerId', 'employers.0.role': 'employerId' }),
  };
  const problems = error.problems.map((problem) =>
    problem.field && carriedOver[problem.field] ? { ...problem, field: carriedOver[problem.field] } : problem,
  );
  return new AppError(error.code, error.params, problems);
}
