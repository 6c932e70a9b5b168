import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Scope } from '../auth/domain/actor';
import { assertCaseVisible } from '../cases/case-lock.repository';
import { ClaimsService } from '../claims/claims.service';
import type { CaseConflictsView } from './desk.view';

/**
 * What should make a clerk stop and look: workers already claiming in another open case (the same
 * arrears counted twice, or the same employer again), and a lawyer on the case who has acted for the
 * employer. These are flags, not refusals: the people decide.
 */
@Injectable()
export class ConflictsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsService,
  ) {}

  async forCase(caseId: string, scope: Scope): Promise<CaseConflictsView> {
    await assertCaseVisible(this.dataSource.manager, caseId, scope);
    const workersInOtherOpenCases = await this.claims.claimingElsewhere(caseId, scope);
    const lawyerActedForEmployer = await this.dataSource.query(
      `SELECT c.lawyer_id AS "lawyerId", u.display_name AS "lawyerName", e.id AS "employerId", e.name AS "employerName", le.note
         FROM cases c
         JOIN case_employers ce ON ce.case_id = c.id
         JOIN lawyer_engagements le ON le.lawyer_id = c.lawyer_id AND le.employer_id = ce.employer_id
         JOIN users u ON u.id = c.lawyer_id JOIN employers e ON e.id = ce.employer_id
        WHERE c.id = $1`,
      [caseId],
    );
    return { workersInOtherOpenCases, lawyerActedForEmployer };
  }
}
