import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { AuthService } from '../auth/auth.service';
import { checkThrottle, longestWait, recordFailure, type ThrottlePolicy } from '../auth/domain/login-throttle';
import { CallbacksService } from '../callbacks/callbacks.service';
import { FINAL_STATUSES } from '../cases/domain/case-status';
import { sniffFileType } from '../case-files/domain/file-types';
import { ClaimsService } from '../claims/claims.service';
import { AppError, type FieldProblem } from '../common/errors/app-error';
import { normalizeResidentId } from '../common/identifiers/resident-id';
import { formatYuan, parseYuan } from '../common/money/money';
import { Clock } from '../common/time/clock';
import { shanghaiDate, shanghaiTimestamp } from '../common/time/shanghai';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Transactions } from '../database/transactions';
import { MediationService } from '../mediation/mediation.service';
import { maskName } from '../personal-data/domain/masking';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import {
  CONSENT_VERSION,
  REPORT_LIMITS,
  canRate,
  districtOfAddress,
  handleByOn,
  newLookupCode,
  newReceiptNumber,
  normalizeLookupCode,
  normalizeReceiptNumber,
  personNameProblem,
  placeOf,
  ratingProblems,
  reportProblems,
  takesPhotos,
  workerStage,
} from './domain/report-rules';
import { LookupDto, RateDto, SubmitReportDto } from './dto/worker-report.dto';
import { ProofOfWorkChecker } from './proof-of-work';
import type { ReportForLookupRow } from './worker-report.record';
import type { DistrictView, FollowView, PhotoAddedView, ReceiptView } from './worker-report.view';
import { WorkerReportsRepository } from './worker-reports.repository';

/** Wrong lookups from one address: an office or a building site's network shares one, so some room. */
const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 10, lockAfterFailures: 30, lockMinutes: 15, windowMinutes: 15 };
/** Wrong codes for one receipt number: a worker mistypes a few times; guessing is stopped long before it could succeed. */
const RECEIPT_POLICY: ThrottlePolicy = { freeFailures: 5, lockAfterFailures: 20, lockMinutes: 30, windowMinutes: 60 };
/** Compared against when there is no report, so a missing receipt number costs the same as a wrong code. */
const NO_REPORT_HASH = '0'.repeat(64);

/**
 * The public side of the workers' channel: no account, open to the internet. A report needs a proof of
 * work and stays within the limits per address and per id number; a lookup needs the receipt number
 * and its code, and a wrong one is answered the same whether the number exists or not, after the same
 * work, and counted against the address and the number. Every lookup is in the audit trail.
 */
@Injectable()
export class PublicReportsService {
  constructor(
    private readonly auth: AuthService,
    private readonly callbacks: CallbacksService,
    private readonly cipher: PersonalDataCipher,
    private readonly claims: ClaimsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mediation: MediationService,
    private readonly proofOfWork: ProofOfWorkChecker,
    private readonly repository: WorkerReportsRepository,
    private readonly transactions: Transactions,
  ) {}

  async districts(): Promise<DistrictView[]> {
    const rows = await this.repository.districts(this.transactions.none);
    return rows.map((row) => ({ id: row.id, name: row.name, place: row.district?.trim() || placeOf(row.name), city: row.kind === 'city_federation' }));
  }

  challenge() {
    return this.proofOfWork.challenge();
  }

  async submit(dto: SubmitReportDto, clientAddress: string | null): Promise<ReceiptView> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const districts = await this.repository.districts(this.transactions.none);
    const problems: FieldProblem[] = [];
    if (dto.consent !== true) problems.push({ field: 'consent', code: 'CONSENT_REQUIRED' });
    const nameProblem = personNameProblem(dto.name);
    if (nameProblem) problems.push({ field: 'name', code: nameProblem });
    problems.push(
      ...reportProblems(
        {
          periodStart: dto.periodStart,
          periodEnd: dto.periodEnd,
          texts: [
            { field: 'employerName', value: dto.employerName },
            { field: 'projectName', value: dto.projectName },
            { field: 'siteAddress', value: dto.siteAddress },
            { field: 'description', value: dto.description },
          ],
        },
        today,
      ),
    );
    const chosen = dto.organisationId?.toLowerCase();
    const organisation = chosen
      ? districts.find((district) => district.id === chosen)
      : // the city's federation is where he sends it when he does not know the district, never what an address names
        districtOfAddress(dto.siteAddress, districts.filter((district) => district.kind !== 'city_federation'));
    if (!organisation) problems.push({ field: 'organisationId', code: dto.organisationId ? 'NOT_TAKING_REPORTS' : 'REQUIRED' });
    if (problems.length > 0) throw AppError.invalid(problems);

    const proof = await this.proofOfWork.verify(dto.proof);
    const idNumber = normalizeResidentId(dto.idNumber);
    const idNumberHash = this.cipher.lookupHash(idNumber);
    const amount = parseYuan(dto.amountOwed);
    if (!amount.ok) throw AppError.invalidField('amountOwed', 'MONEY_FORMAT');
    const lookupCode = newLookupCode((bound) => randomInt(bound));

    return this.transactions.run(async (tx) => {
      // one after the other per address and per id number, so a burst cannot slip past the counts
      await this.repository.lockKey(tx, `report address ${clientAddress ?? 'unknown'}`);
      await this.repository.lockKey(tx, `report id ${idNumberHash}`);
      const spent = await this.repository.spentChallenge(tx, proof.signature, now);
      // the same form sent again (the answer was lost on a bad connection): the receipt he already has
      if (spent?.id_number_hash === idNumberHash) return JSON.parse(this.cipher.decrypt(spent.receipt_sealed)) as ReceiptView;
      if (spent) throw new AppError('CHALLENGE_FAILED');
      const sent = await this.repository.sentSince(
        tx,
        { clientAddress, idNumberHash },
        { address: new Date(now.getTime() - 24 * 3600_000), idNumber: new Date(now.getTime() - REPORT_LIMITS.idNumberDays * 24 * 3600_000) },
      );
      if (sent.fromAddress >= this.config.publicReportsPerAddress) {
        throw new AppError('REPORTS_FROM_ADDRESS_LIMIT', { max: this.config.publicReportsPerAddress, seconds: 3600 });
      }
      if (sent.forIdNumber >= REPORT_LIMITS.reportsPerIdNumber) {
        throw new AppError('REPORTS_FOR_ID_NUMBER_LIMIT', { max: REPORT_LIMITS.reportsPerIdNumber, days: REPORT_LIMITS.idNumberDays, seconds: 24 * 3600 });
      }
      for (let attempt = 0; attempt < 5; attempt++) {
        const receiptNumber = newReceiptNumber(() => randomInt(10));
        const id = await this.repository.insert(tx, {
          receiptNumber,
          lookupCodeHash: this.codeHash(receiptNumber, lookupCode),
          organisationId: organisation!.id,
          workerName: dto.name.trim(),
          idNumberSealed: this.cipher.encrypt(idNumber),
          idNumberHash,
          mobileSealed: this.cipher.encrypt(dto.mobile.trim()),
          employerName: dto.employerName.trim(),
          projectName: dto.projectName?.trim() || null,
          siteAddress: dto.siteAddress?.trim() || null,
          periodStart: dto.periodStart,
          periodEnd: dto.periodEnd,
          amountOwedFen: amount.fen,
          coWorkers: dto.coWorkers,
          description: dto.description?.trim() || null,
          consentVersion: CONSENT_VERSION,
          clientAddress,
          submittedAt: now,
          submittedOn: today,
        });
        if (!id) continue;
        const receipt: ReceiptView = {
          receiptNumber,
          lookupCode,
          organisationName: organisation!.name,
          submittedAt: shanghaiTimestamp(now),
          handleByOn: handleByOn(today, await this.repository.daysToHandle(tx)),
          limits: { photosPerReport: REPORT_LIMITS.photosPerReport, photoBytes: REPORT_LIMITS.photoBytes },
        };
        const spending = { signature: proof.signature, expiresAt: proof.expiresAt, idNumberHash, receiptSealed: this.cipher.encrypt(JSON.stringify(receipt)) };
        if (!(await this.repository.spendChallenge(tx, spending))) throw new AppError('CHALLENGE_FAILED');
        return receipt;
      }
      throw new Error('five receipt numbers drawn at random were all taken');
    });
  }

  /** A photo of what he has (an IOU, a wage sheet, a chat), while his report waits and for a day after he sent it. */
  async addPhoto(receiptNumber: string, lookupCode: string | undefined, body: unknown, clientAddress: string | null): Promise<PhotoAddedView> {
    const report = await this.opened(receiptNumber, lookupCode ?? '', clientAddress, 'photo');
    if (!takesPhotos({ status: report.status, submittedAt: new Date(report.submitted_at) }, this.clock.now())) throw new AppError('REPORT_PHOTOS_CLOSED');
    if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('FILE_REQUIRED');
    if (body.length > REPORT_LIMITS.photoBytes) throw new AppError('PAYLOAD_TOO_LARGE', { limit: `${REPORT_LIMITS.photoBytes / 1024 / 1024} MB` });
    const sniffed = sniffFileType(body);
    if (!sniffed.accepted || sniffed.mediaType === 'application/pdf') {
      throw new AppError('FILE_TYPE_NOT_ACCEPTED', { found: sniffed.accepted ? 'pdf' : sniffed.kind });
    }
    return this.transactions.run(async (tx) => {
      await this.repository.lock(tx, report.id);
      const photos = await this.repository.photos(tx, report.id);
      if (photos.length >= REPORT_LIMITS.photosPerReport) throw new AppError('REPORT_PHOTO_LIMIT', { max: REPORT_LIMITS.photosPerReport });
      await this.repository.insertPhoto(tx, report.id, { mediaType: sniffed.mediaType, sha256: createHash('sha256').update(body).digest('hex'), content: body });
      return { photos: (await this.repository.photos(tx, report.id)).length };
    });
  }

  async lookup(dto: LookupDto, clientAddress: string | null): Promise<FollowView> {
    const report = await this.opened(dto.receiptNumber, dto.lookupCode, clientAddress, 'lookup');
    return this.followView(report);
  }

  /** After his case is concluded, once: how it went. It answers the case's callback if that still waits. */
  async rate(dto: RateDto, clientAddress: string | null): Promise<FollowView> {
    const report = await this.opened(dto.receiptNumber, dto.lookupCode, clientAddress, 'rating');
    const problems = ratingProblems(dto);
    if (problems.length > 0) throw AppError.invalid(problems);
    const comment = dto.comment?.trim() || null;
    const today = shanghaiDate(this.clock.now());
    await this.transactions.run(async (tx) => {
      await this.repository.lock(tx, report.id);
      const current = (await this.repository.byReceipt(tx, report.receipt_number))!;
      if (!canRate(current.case_status, current.satisfaction !== null)) throw new AppError('RATING_NOT_OPEN');
      await this.repository.rate(tx, report.id, { satisfaction: dto.satisfaction, note: comment });
      await this.callbacks.answerByWorker(tx, current.case_id!, { workerName: current.worker_name, satisfaction: dto.satisfaction, comment, on: today });
    });
    return this.followView((await this.repository.byReceipt(this.transactions.none, report.receipt_number))!);
  }

  /**
   * The report a receipt number and its code open. A wrong code, and a receipt number that does not
   * exist, are the same answer after the same work (a keyed hash compared in constant time), both counted
   * against the address and the number typed; past the limits the address or the number waits.
   */
  private async opened(receiptTyped: string, codeTyped: string, clientAddress: string | null, purpose: string): Promise<ReportForLookupRow> {
    const now = this.clock.now();
    const receiptNumber = normalizeReceiptNumber(receiptTyped);
    const code = normalizeLookupCode(codeTyped);
    const keys: [string, ThrottlePolicy][] = [[`lookup address ${clientAddress ?? 'unknown'}`, ADDRESS_POLICY]];
    if (receiptNumber) keys.push([`lookup receipt ${receiptNumber}`, RECEIPT_POLICY]);
    const outcome = await this.transactions.run(async (tx) => {
      const states = await this.repository.loadThrottles(tx, keys.map(([key]) => key));
      const decision = longestWait(keys.map(([key, policy]) => checkThrottle(states.get(key) ?? null, policy, now)));
      if (!decision.allowed) return { kind: 'refused', seconds: decision.retryAfterSeconds } as const;
      const report = receiptNumber ? await this.repository.byReceipt(tx, receiptNumber) : undefined;
      const expected = Buffer.from(report?.lookup_code_hash ?? NO_REPORT_HASH, 'hex');
      const given = Buffer.from(this.codeHash(receiptNumber ?? '', code ?? ''), 'hex');
      if (report && code && expected.length === given.length && timingSafeEqual(expected, given)) return { kind: 'opened', report } as const;
      await this.repository.forgetOldThrottles(tx, new Date(now.getTime() - 24 * 3600_000));
      for (const [key, policy] of keys) await this.repository.saveThrottle(tx, key, recordFailure(states.get(key) ?? null, policy, now));
      return { kind: 'failed' } as const;
    });
    const client = { address: clientAddress, userAgent: null };
    if (outcome.kind === 'refused') {
      throw new AppError('LOOKUP_THROTTLED', { minutes: Math.ceil(outcome.seconds / 60), seconds: outcome.seconds });
    }
    if (outcome.kind === 'failed') {
      // what was typed, not whether it exists: the trail shows a guessing run without becoming an oracle itself
      await this.auth.audit(null, client, 'lookup_failed', 'worker_reports', null, { purpose, receiptNumber: receiptTyped.slice(0, 40) });
      throw new AppError('REPORT_LOOKUP_FAILED');
    }
    await this.auth.audit(null, client, 'lookup', 'worker_reports', outcome.report.id, { purpose });
    return outcome.report;
  }

  private async followView(report: ReportForLookupRow): Promise<FollowView> {
    const now = this.clock.now();
    const balance =
      report.case_id && report.claim_id ? (await this.claims.balances(this.transactions.none, report.case_id, [report.claim_id])).get(report.claim_id) : undefined;
    const next = report.case_id && report.case_status && !FINAL_STATUSES.includes(report.case_status)
      ? await this.mediation.nextSessionOf(report.case_id, now)
      : null;
    return {
      receiptNumber: report.receipt_number,
      submittedOn: report.submitted_on,
      workerName: maskName(report.worker_name),
      employerName: report.employer_name,
      organisationName: report.case_organisation_name ?? report.organisation_name,
      stage: workerStage(report, report.case_status),
      declineReason: report.decline_reason,
      caseNumber: report.case_number,
      money: balance
        ? {
            claimed: formatYuan(balance.claimedFen),
            confirmed: balance.confirmedFen === null ? null : formatYuan(balance.confirmedFen),
            paid: formatYuan(balance.paidFen),
            outstanding: formatYuan(balance.outstandingFen),
          }
        : null,
      nextSession: next ? { startsAt: shanghaiTimestamp(new Date(next.starts_at)), place: [next.room_name, next.place].filter(Boolean).join(' · ') || null } : null,
      canRate: canRate(report.case_status, report.satisfaction !== null),
      rating: report.satisfaction ? { satisfaction: report.satisfaction, comment: report.rating_note } : null,
      photos: report.photo_count,
      canAddPhotos: takesPhotos({ status: report.status, submittedAt: new Date(report.submitted_at) }, now) && report.photo_count < REPORT_LIMITS.photosPerReport,
    };
  }

  /** The code's keyed hash, bound to its receipt number: a code is worth nothing with another number. */
  private codeHash(receiptNumber: string, code: string): string {
    return this.cipher.lookupHash(`worker-report-code ${receiptNumber} ${code}`);
  }
}
