import { Injectable } from '@nestjs/common';
import { Scope } from '../auth/domain/actor';
import { assertCaseVisible } from '../cases/cases.repository';
import { ClaimsService } from '../claims/claims.service';
import { Transactions } from '../database/transactions';
import { DeskRepository } from './desk.repository';
import type { CaseConflictsView } from './desk.view';

/**
 * What should make a clerk stop and look: workers already claiming in another open case (the same
 * arrears counted twice, or the same employer again), and a lawyer on the case who has acted for the
 * employer. These are flags, not refusals: the people decide.
 */
@Injectable()
export class ConflictsService {
  constructor(
    private readonly claims: ClaimsService,
    private readonly desk: DeskRepository,
    private readonly transactions: Transactions,
  ) {}

  async forCase(caseId: string, scope: Scope): Promise<CaseConflictsView> {
    await assertCaseVisible(this.transactions.none, caseId, scope);
    const workersInOtherOpenCases = await this.claims.claimingElsewhere(caseId, scope);
    const lawyerActedForEmployer = await this.desk.lawyerActedForEmployer(this.transactions.none, caseId);
    return { workersInOtherOpenCases, lawyerActedForEmployer };
  }
}
