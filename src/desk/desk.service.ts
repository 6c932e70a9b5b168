import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { DataSource } from 'typeorm';
import { Actor, Scope } from '../auth/domain/actor';
import { CaseDetail, CasesService } from '../cases/cases.service';
import { CreateCaseDto } from '../cases/dto/case.dto';
import { IntakeChannel } from '../cases/case.entity';
import { fen } from '../claims/claim-input';
import { AppError } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { UsersService } from '../users/users.service';
import type { DutyShiftView, RosterEntryView } from './desk.view';
import { ConsultationDto, ConsultationListQuery, DutyShiftDto, EngagementDto, OpenFromDeskDto, OutreachVisitDto } from './dto/desk.dto';

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
    private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async addShift(dto: DutyShiftDto, actor: Actor): Promise<DutyShiftView> {
    await this.assertOrganisationInScope(dto.organisationId, actor.scope);
    return this.dataSource.transaction(async (manager) => {
      await this.users.assertAssignable(manager, dto.lawyerId, 'lawyer', 'lawyerId', dto.organisationId);
      const [shift] = await manager.query(
        `INSERT INTO duty_shifts (organisation_id, lawyer_id, day) VALUES ($1, $2, $3) RETURNING id`,
        [dto.organisationId, dto.lawyerId, dto.day],
      );
      return { id: shift.id as string, organisationId: dto.organisationId, lawyerId: dto.lawyerId, day: dto.day };
    });
  }

  async removeShift(id: string, scope: Scope): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const removed = await manager.query(
        `DELETE FROM duty_shifts s USING organisations o
          WHERE s.id = $1 AND o.id = s.organisation_id AND o.path LIKE $2 || '%' RETURNING s.id`,
        [id, scope.path],
      );
      // DELETE … RETURNING answers [rows, count]
      if (removed[1] === 0) throw new AppError('DUTY_SHIFT_NOT_FOUND');
    });
  }

  /** A service center's roster for a month, or who is on duty today. */
  async roster(organisationId: string, month: string | undefined, scope: Scope): Promise<RosterEntryView[]> {
    await this.assertOrganisationInScope(organisationId, scope);
    const [from, to] = month
      ? [`${month}-01`, null]
      : [shanghaiDate(this.clock.now()), shanghaiDate(this.clock.now())];
    return this.dataSource.query(
      `SELECT s.id, s.day, s.lawyer_id AS "lawyerId", u.display_name AS "lawyerName", p.phone
         FROM duty_shifts s JOIN users u ON u.id = s.lawyer_id LEFT JOIN lawyer_profiles p ON p.user_id = u.id
        WHERE s.organisation_id = $1 AND s.day >= $2::date
          AND s.day <= COALESCE($3::date, ($2::date + interval '1 month' - interval '1 day')::date)
        ORDER BY s.day, u.display_name`,
      [organisationId, from, to],
    );
  }

  async logConsultation(dto: ConsultationDto, actor: Actor) {
    await this.assertOrganisationInScope(dto.organisationId, actor.scope);
    return this.dataSource.transaction(async (manager) => {
      if (dto.employerId && !(await manager.query(`SELECT 1 FROM employers WHERE id = $1`, [dto.employerId])).length) {
        throw AppError.invalidField('employerId', 'NOT_FOUND');
      }
      if (dto.workerId && !(await manager.query(`SELECT 1 FROM workers WHERE id = $1`, [dto.workerId])).length) {
        throw AppError.invalidField('workerId', 'NOT_FOUND');
      }
      const [row] = await manager.query(
        `INSERT INTO consultations (organisation_id, lawyer_id, consulted_at, channel, topic, worker_name, worker_id,
                                    employer_id, employer_name, advice, duration_minutes, follow_up_needed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
        [
          dto.organisationId,
          actor.id,
          dto.consultedAt ? new Date(dto.consultedAt) : this.clock.now(),
          dto.channel,
          dto.topic,
          dto.workerName?.trim() || null,
          dto.workerId ?? null,
          dto.employerId ?? null,
          dto.employerName?.trim() || null,
          dto.advice.trim(),
          dto.durationMinutes,
          dto.followUpNeeded ?? false,
        ],
      );
      return row;
    });
  }

  /** A lawyer's consultations of a day, with counts by topic. */
  async consultations(query: ConsultationListQuery, actor: Actor) {
    const day = query.day ?? shanghaiDate(this.clock.now());
    const items = await this.dataSource.query(
      `SELECT c.* FROM consultations c JOIN organisations o ON o.id = c.organisation_id
        WHERE c.lawyer_id = $1 AND o.path LIKE $2 || '%'
          AND c.consulted_at >= ($3::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND c.consulted_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
        ORDER BY c.consulted_at`,
      [query.lawyerId ?? actor.id, actor.scope.path, day],
    );
    const byTopic: Record<string, number> = {};
    for (const item of items) byTopic[item.topic] = (byTopic[item.topic] ?? 0) + 1;
    return {
      day,
      items,
      counts: {
        total: items.length,
        followUpNeeded: items.filter((i: { follow_up_needed: boolean }) => i.follow_up_needed).length,
        openedCases: items.filter((i: { case_id: string | null }) => i.case_id).length,
        byTopic,
      },
    };
  }

  /** Opens a case from a consultation, carrying over its organisation, channel, employer and lawyer. */
  async caseFromConsultation(consultationId: string, dto: OpenFromDeskDto, actor: Actor): Promise<CaseDetail> {
    const [consultation] = await this.dataSource.query(
      `SELECT c.* FROM consultations c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = $1 AND o.path LIKE $2 || '%'`,
      [consultationId, actor.scope.path],
    );
    if (!consultation) throw new AppError('CONSULTATION_NOT_FOUND');
    if (consultation.case_id) throw new AppError('ALREADY_A_CASE');
    const employers = dto.employers ?? (consultation.employer_id ? [{ employerId: consultation.employer_id, role: 'employer' }] : []);
    if (employers.length === 0) throw AppError.invalidField('employers', 'REQUIRED');
    const createCase = plainToInstance(CreateCaseDto, {
      organisationId: consultation.organisation_id,
      intakeChannel: INTAKE_CHANNEL[consultation.channel as ConsultationDto['channel']],
      intakeDate: shanghaiDate(new Date(consultation.consulted_at)),
      summary: dto.summary?.trim() || `${TOPIC_NAMES[consultation.topic as ConsultationDto['topic']]}：${consultation.advice}`.slice(0, 2000),
      employers,
      lawyerId: consultation.lawyer_id,
      mediatorId: dto.mediatorId,
      claims: dto.claims,
    });
    return this.cases.open(createCase, actor, async (manager, caseId) => {
      await manager.query(`UPDATE consultations SET case_id = $2 WHERE id = $1`, [consultationId, caseId]);
      await manager.query(`UPDATE cases SET consultation_id = $2 WHERE id = $1`, [caseId, consultationId]);
    });
  }

  /** Records a visit; a finding of arrears raises an early warning on the employer and project. */
  async logVisit(dto: OutreachVisitDto, actor: Actor) {
    await this.assertOrganisationInScope(dto.organisationId, actor.scope);
    if (dto.visitedOn > shanghaiDate(this.clock.now())) throw AppError.invalidField('visitedOn', 'DATE_IN_FUTURE');
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.query(`SELECT 1 FROM employers WHERE id = $1`, [dto.employerId])).length) {
        throw AppError.invalidField('employerId', 'NOT_FOUND');
      }
      const [visit] = await manager.query(
        `INSERT INTO outreach_visits (organisation_id, lawyer_id, visited_on, employer_id, project_id, site, workers_reached,
                                      wage_sheets, dedicated_wage_account, guarantee_deposit, real_name_records, arrears_found, findings)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
        [
          dto.organisationId,
          actor.id,
          dto.visitedOn,
          dto.employerId,
          dto.projectId ?? null,
          dto.site?.trim() || null,
          dto.workersReached,
          dto.wageSheets,
          dto.dedicatedWageAccount,
          dto.guaranteeDeposit,
          dto.realNameRecords,
          dto.arrearsFound,
          dto.findings?.trim() || null,
        ],
      );
      let warning = null;
      if (dto.arrearsFound) {
        [warning] = await manager.query(
          `INSERT INTO early_warnings (visit_id, organisation_id, employer_id, project_id, raised_on, estimated_workers, estimated_fen)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [
            visit.id,
            dto.organisationId,
            dto.employerId,
            dto.projectId ?? null,
            dto.visitedOn,
            dto.estimatedWorkers ?? null,
            dto.estimatedAmount ? fen(dto.estimatedAmount).toString() : null,
          ],
        );
      }
      return { visit, earlyWarning: warning };
    });
  }

  async warnings(status: string | undefined, scope: Scope) {
    return this.dataSource.query(
      `SELECT w.*, e.name AS employer_name FROM early_warnings w
         JOIN organisations o ON o.id = w.organisation_id JOIN employers e ON e.id = w.employer_id
        WHERE o.path LIKE $1 || '%' AND ($2::text IS NULL OR w.status = $2) ORDER BY w.raised_on DESC, w.id`,
      [scope.path, status ?? null],
    );
  }

  /** Opens a case from an early warning: the visit's organisation, employer and project, channel outreach. */
  async caseFromWarning(warningId: string, dto: OpenFromDeskDto, actor: Actor): Promise<CaseDetail> {
    const [warning] = await this.dataSource.query(
      `SELECT w.*, v.findings FROM early_warnings w JOIN outreach_visits v ON v.id = w.visit_id
         JOIN organisations o ON o.id = w.organisation_id WHERE w.id = $1 AND o.path LIKE $2 || '%'`,
      [warningId, actor.scope.path],
    );
    if (!warning) throw new AppError('EARLY_WARNING_NOT_FOUND');
    if (warning.status !== 'open') throw new AppError('ALREADY_A_CASE');
    const createCase = plainToInstance(CreateCaseDto, {
      organisationId: warning.organisation_id,
      intakeChannel: 'outreach_visit',
      intakeDate: shanghaiDate(this.clock.now()),
      summary: dto.summary?.trim() || `送法进企业发现欠薪：${warning.findings ?? ''}`.slice(0, 2000),
      employers: dto.employers ?? [{ employerId: warning.employer_id, role: 'employer' }],
      projectId: warning.project_id ?? undefined,
      lawyerId: actor.role === 'lawyer' ? actor.id : undefined,
      mediatorId: dto.mediatorId,
      claims: dto.claims,
    });
    return this.cases.open(createCase, actor, async (manager, caseId) => {
      await manager.query(`UPDATE early_warnings SET status = 'case_opened', case_id = $2 WHERE id = $1`, [warningId, caseId]);
    });
  }

  async declareEngagement(dto: EngagementDto, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await manager.query(`SELECT 1 FROM employers WHERE id = $1`, [dto.employerId])).length) {
        throw AppError.invalidField('employerId', 'NOT_FOUND');
      }
      await manager.query(
        `INSERT INTO lawyer_engagements (lawyer_id, employer_id, note) VALUES ($1, $2, $3)
         ON CONFLICT (lawyer_id, employer_id) DO UPDATE SET note = EXCLUDED.note`,
        [actor.id, dto.employerId, dto.note?.trim() || null],
      );
    });
  }

  private async assertOrganisationInScope(organisationId: string, scope: Scope): Promise<void> {
    const [found] = await this.dataSource.query(`SELECT 1 FROM organisations WHERE id = $1 AND path LIKE $2 || '%'`, [
      organisationId,
      scope.path,
    ]);
    if (!found) throw AppError.invalidField('organisationId', 'NOT_FOUND');
  }
}
