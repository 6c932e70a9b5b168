import { Injectable } from '@nestjs/common';
import { Scope } from '../auth/domain/actor';
import { CasesService } from '../cases/cases.service';
import { fenFromDb } from '../common/money/money';
import { Transactions } from '../database/transactions';
import { WorkersService } from '../workers/workers.service';
import { renderAgreementDocument } from './agreement-document';
import { MediationRepository } from './mediation.repository';
import { MediationService } from './mediation.service';

/** Gathers what the printable agreement shows; the rendering itself is a pure function. */
@Injectable()
export class AgreementDocumentService {
  constructor(
    private readonly cases: CasesService,
    private readonly mediation: MediationService,
    private readonly repository: MediationRepository,
    private readonly transactions: Transactions,
    private readonly workers: WorkersService,
  ) {}

  async render(caseId: string, scope: Scope): Promise<string> {
    const [detail, agreement] = [await this.cases.get(caseId, scope), await this.mediation.agreement(caseId, scope)];
    const workers = await this.repository.workersOfAgreement(this.transactions.none, caseId);
    const nameOfClaim = new Map(workers.map((w) => [w.claim_id, w.name]));
    return renderAgreementDocument({
      caseNumber: detail.record.caseNumber,
      organisationName: detail.organisation.name,
      signedOn: agreement.signedOn,
      employers: detail.employers.map((e) => ({ name: e.name, creditCode: e.creditCode, role: e.role })),
      workers: workers.map((w) => ({
        name: w.name,
        idNumberMasked: this.workers.masked(w.id_number_sealed, null).idNumber,
        amountFen: fenFromDb(w.confirmed_fen ?? w.claimed_fen),
      })),
      totalFen: agreement.totalFen,
      schedule: agreement.schedule,
      instalments: agreement.instalments.map((i) => ({
        dueOn: i.dueOn,
        amountFen: i.amountFen,
        workerName: i.claimId ? (nameOfClaim.get(i.claimId) ?? null) : null,
      })),
      terms: agreement.terms,
    });
  }
}
