import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { Actor } from '../auth/domain/actor';
import { allows } from '../auth/domain/permissions';
import { ROLES } from '../auth/domain/roles';
import { CasesService } from '../cases/cases.service';
import { AppError } from '../common/errors/app-error';
import { fenFromDb } from '../common/money/money';
import { Transactions } from '../database/transactions';
import { PersonalDataReader } from '../personal-data/personal-data-reader';
import { renderAgreementDocument } from './agreement-document';
import { IdNumberDisplay } from './dto/agreement-document.dto';
import { MediationRepository } from './mediation.repository';
import { MediationService } from './mediation.service';

/** Gathers what the printable agreement shows; the rendering itself is a pure function. */
@Injectable()
export class AgreementDocumentService {
  constructor(
    private readonly auth: AuthService,
    private readonly cases: CasesService,
    private readonly mediation: MediationService,
    private readonly personalData: PersonalDataReader,
    private readonly repository: MediationRepository,
    private readonly transactions: Transactions,
  ) {}

  /**
   * The agreement as HTML. Id numbers are masked unless `full` is asked for: a signed agreement needs
   * them whole, so the roles that may reveal an id number may print them, and that is a reveal like any
   * other: one audit entry per document, naming the case and how many numbers it showed.
   */
  async render(caseId: string, idNumbers: IdNumberDisplay, actor: Actor, clientAddress: string | null): Promise<string> {
    if (idNumbers === 'full' && !allows(actor.roles, 'workers.reveal')) {
      throw new AppError('FULL_ID_NUMBERS_NOT_ALLOWED', {
        role: actor.roles.join(','),
        roles: ROLES.filter((role) => allows([role], 'workers.reveal')).join(','),
      });
    }
    const [detail, agreement] = [await this.cases.get(caseId, actor.scope), await this.mediation.agreement(caseId, actor.scope)];
    const workers = await this.repository.workersOfAgreement(this.transactions.none, caseId);
    const nameOfClaim = new Map(workers.map((w) => [w.claim_id, w.name]));
    // a number the key does not open: shown as unreadable when masked; with full numbers, the agreement
    // cannot be printed as asked, and PERSONAL_DATA_UNREADABLE names the worker (personal-data-reader.ts)
    const shown = (w: (typeof workers)[number]) => {
      const holder = { name: w.name, record: `the worker of claim ${w.claim_id} (case ${detail.record.caseNumber})` };
      return idNumbers === 'full'
        ? this.personalData.full(w.id_number_sealed, 'idNumber', holder)
        : this.personalData.masked(w.id_number_sealed, 'idNumber', holder);
    };
    const html = renderAgreementDocument({
      caseNumber: detail.record.caseNumber,
      organisationName: detail.organisation.name,
      signedOn: agreement.signedOn,
      employers: detail.employers.map((e) => ({ name: e.name, creditCode: e.creditCode, role: e.role })),
      workers: workers.map((w) => ({
        name: w.name,
        idNumber: shown(w),
        amountFen: fenFromDb(w.confirmed_fen ?? w.claimed_fen),
      })),
      idNumbers,
      totalFen: agreement.totalFen,
      schedule: agreement.schedule,
      instalments: agreement.instalments.map((i) => ({
        dueOn: i.dueOn,
        amountFen: i.amountFen,
        workerName: i.claimId ? (nameOfClaim.get(i.claimId) ?? null) : null,
      })),
      terms: agreement.terms,
    });
    if (idNumbers === 'full') {
      await this.auth.audit(actor.id, { address: clientAddress, userAgent: null }, 'reveal', 'cases', caseId, {
        field: 'idNumber',
        document: 'mediation_agreement',
        caseNumber: detail.record.caseNumber,
        count: workers.length,
      });
    }
    return html;
  }
}
