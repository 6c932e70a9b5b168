import { Injectable, StreamableFile } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import type { Actor } from '../auth/domain/actor';
import { AuthService } from '../auth/auth.service';
import { CaseFilesService } from '../case-files/case-files.service';
import { CasesService, type CaseDetail } from '../cases/cases.service';
import { CreateCaseDto } from '../cases/dto/case.dto';
import { toClaimInput } from '../claims/claim-input';
import { ClaimsService } from '../claims/claims.service';
import { ClaimInputDto } from '../claims/dto/claim.dto';
import { AppError } from '../common/errors/app-error';
import { offsetOf, type Page } from '../common/http/pagination';
import { formatYuan } from '../common/money/money';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { Transactions, type Tx } from '../database/transactions';
import { PersonalDataReader } from '../personal-data/personal-data-reader';
import { handleByOn } from './domain/report-rules';
import { AcceptReportDto, DeclineReportDto, JoinReportDto, ReportQueueQuery } from './dto/worker-report.dto';
import type { OverdueReportRow, WorkerReportRow } from './worker-report.record';
import { toPhotoView, toWorkerReportView, type WorkerReportDetailView, type WorkerReportView } from './worker-report.view';
import { WorkerReportsRepository } from './worker-reports.repository';

/**
 * The union's side of the workers' channel: the queue of reports sent to an organisation, each accepted
 * into a new case (what he typed carried over, his photos as evidence on his claim), joined to an open
 * case, or declined with a reason he reads; and the days a report may wait before it is overdue.
 */
@Injectable()
export class WorkerReportsService {
  constructor(
    private readonly auth: AuthService,
    private readonly caseFiles: CaseFilesService,
    private readonly cases: CasesService,
    private readonly claims: ClaimsService,
    private readonly clock: Clock,
    private readonly personalData: PersonalDataReader,
    private readonly repository: WorkerReportsRepository,
    private readonly transactions: Transactions,
  ) {}

  async queue(query: ReportQueueQuery, actor: Actor): Promise<Page<WorkerReportView>> {
    const { rows, total } = await this.repository.queue(this.transactions.none, actor.scope.path, query.status, {
      limit: query.pageSize,
      offset: offsetOf(query),
    });
    const days = await this.repository.daysToHandle(this.transactions.none);
    return { items: rows.map((row) => this.view(row, days)), total, page: query.page, pageSize: query.pageSize };
  }

  async detail(reportId: string, actor: Actor): Promise<WorkerReportDetailView> {
    const row = await this.visible(this.transactions.none, reportId, actor);
    const photos = await this.repository.photos(this.transactions.none, row.id);
    return { ...this.view(row, await this.repository.daysToHandle(this.transactions.none)), photos: photos.map(toPhotoView) };
  }

  /** A photo he sent, to look at before deciding; every opening is in the audit trail. */
  async photo(reportId: string, photoId: string, actor: Actor, clientAddress: string | null): Promise<StreamableFile> {
    const row = await this.visible(this.transactions.none, reportId, actor);
    const photo = await this.repository.photoContent(this.transactions.none, row.id, photoId.toLowerCase());
    if (!photo) throw new AppError('FILE_NOT_FOUND');
    await this.auth.audit(actor.id, { address: clientAddress, userAgent: null }, 'download', 'worker_report_photos', photoId.toLowerCase(), {
      reportId: row.id,
      receiptNumber: row.receipt_number,
    });
    return new StreamableFile(photo.content, { type: photo.media_type, length: photo.content.length, disposition: 'inline' });
  }

  /** A new case from the report: his claim as he typed it, in the organisation the clerk chose, his photos on his claim. */
  async accept(reportId: string, dto: AcceptReportDto, actor: Actor): Promise<CaseDetail> {
    const report = await this.visible(this.transactions.none, reportId, actor);
    if (report.status !== 'submitted') throw new AppError('REPORT_ALREADY_HANDLED');
    const claim = this.claimOf(report);
    const createCase = plainToInstance(CreateCaseDto, {
      organisationId: dto.organisationId,
      intakeChannel: 'online',
      // the union received it the day he sent it
      intakeDate: report.submitted_on,
      summary: dto.summary?.trim() || summaryOf(report),
      employers: dto.employers,
      projectId: dto.projectId,
      lawyerId: dto.lawyerId,
      mediatorId: dto.mediatorId,
      claims: [claim],
    });
    return this.cases.open(createCase, actor, async (tx, caseId) => {
      await this.stillWaiting(tx, report.id, actor);
      const claimId = (await this.claims.claimOfWorker(tx, caseId, claim.worker.idNumber))!;
      await this.takeInto(tx, report, { status: 'accepted', caseId, claimId }, actor);
    });
  }

  /** Into an open case of the same employer or project: his claim is added (or is the one he has there already). */
  async join(reportId: string, dto: JoinReportDto, actor: Actor): Promise<WorkerReportView> {
    const caseId = dto.caseId.toLowerCase();
    await this.transactions.run(async (tx) => {
      const report = await this.stillWaiting(tx, reportId, actor);
      const { claimId } = await this.claims.joinWorker(tx, caseId, toClaimInput(this.claimOf(report), 1), actor);
      await this.takeInto(tx, report, { status: 'joined', caseId, claimId }, actor);
    });
    return this.current(reportId, actor);
  }

  /** Declined, with a reason he reads on the lookup page. */
  async decline(reportId: string, dto: DeclineReportDto, actor: Actor): Promise<WorkerReportView> {
    const reason = dto.reason.trim();
    if (reason.length < 2) throw AppError.invalidField('reason', 'REQUIRED');
    await this.transactions.run(async (tx) => {
      const report = await this.stillWaiting(tx, reportId, actor);
      await this.repository.markDeclined(tx, report.id, reason, actor.id);
    });
    return this.current(reportId, actor);
  }

  daysToHandle(): Promise<number> {
    return this.repository.daysToHandle(this.transactions.none);
  }

  async setDaysToHandle(days: number): Promise<number> {
    await this.transactions.run((tx) => this.repository.setDaysToHandle(tx, days));
    return days;
  }

  /** Reports waiting past their days, once per person who handles them, for the days between `from` and `to`: for the sweep. */
  async overdue(from: string, to: string): Promise<OverdueReportRow[]> {
    const days = await this.repository.daysToHandle(this.transactions.none);
    return this.repository.overdue(this.transactions.none, from, to, days);
  }

  /** The report as it stands after a change, for the answer. */
  private async current(reportId: string, actor: Actor): Promise<WorkerReportView> {
    return this.view(await this.visible(this.transactions.none, reportId, actor), await this.repository.daysToHandle(this.transactions.none));
  }

  private async visible(tx: Tx, reportId: string, actor: Actor): Promise<WorkerReportRow> {
    const row = await this.repository.visible(tx, reportId.toLowerCase(), actor.scope.path);
    if (!row) throw new AppError('REPORT_NOT_FOUND');
    return row;
  }

  /** The report locked, still waiting: two clerks taking the same report, the second is told it is handled. */
  private async stillWaiting(tx: Tx, reportId: string, actor: Actor): Promise<WorkerReportRow> {
    const row = await this.repository.lockVisible(tx, reportId.toLowerCase(), actor.scope.path);
    if (!row) throw new AppError('REPORT_NOT_FOUND');
    if (row.status !== 'submitted') throw new AppError('REPORT_ALREADY_HANDLED');
    return row;
  }

  private async takeInto(
    tx: Tx,
    report: WorkerReportRow,
    taken: { status: 'accepted' | 'joined'; caseId: string; claimId: string },
    actor: Actor,
  ): Promise<void> {
    const photos = await this.repository.photoContents(tx, report.id);
    await this.caseFiles.attachFromWorker(
      tx,
      { caseId: taken.caseId, claimId: taken.claimId, receiptNumber: report.receipt_number, workerName: report.worker_name },
      photos.map((photo) => ({ mediaType: photo.media_type, sha256: photo.sha256, content: photo.content })),
      actor,
    );
    await this.repository.markTaken(tx, report.id, { ...taken, handledById: actor.id });
  }

  /** His claim as he typed it; his numbers opened here, inside the service, to register him as a worker. */
  private claimOf(report: WorkerReportRow): ClaimInputDto {
    const holder = { name: report.worker_name, record: `online report ${report.receipt_number}` };
    return plainToInstance(ClaimInputDto, {
      worker: {
        name: report.worker_name,
        idNumber: this.personalData.full(report.id_number_sealed, 'idNumber', holder),
        mobile: this.personalData.full(report.mobile_sealed, 'mobile', holder),
      },
      kind: 'wages',
      periodStart: report.period_start,
      periodEnd: report.period_end,
      amountClaimed: formatYuan(BigInt(report.amount_owed_fen)),
    });
  }

  private view(row: WorkerReportRow, days: number): WorkerReportView {
    const holder = { record: `online report ${row.receipt_number}` };
    return toWorkerReportView(
      row,
      { idNumber: this.personalData.masked(row.id_number_sealed, 'idNumber', holder), mobile: this.personalData.masked(row.mobile_sealed, 'mobile', holder) },
      { handleByOn: handleByOn(row.submitted_on, days), today: shanghaiDate(this.clock.now()) },
    );
  }
}

/** What the case's summary says when the clerk writes none: the report in one sentence, with its receipt number. */
function summaryOf(report: WorkerReportRow): string {
  const where = [report.project_name, report.site_address].filter(Boolean).join('，');
  const others = report.co_workers > 0 ? `等${report.co_workers + 1}人` : '';
  const text = `工人网上反映（回执号 ${report.receipt_number}）：${report.employer_name}${where ? `（${where}）` : ''}拖欠${report.worker_name}${others}工资，本人${formatYuan(BigInt(report.amount_owed_fen))}元。${report.description ?? ''}`;
  return text.slice(0, 2000);
}
