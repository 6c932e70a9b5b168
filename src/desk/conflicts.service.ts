import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Scope } from '../auth/domain/actor';
import { assertCaseVisible } from '../cases/case-lock';
import type { CaseConflictsView } from './desk.view';

/**
 * What should make a clerk stop and look: workers already claiming in another open case (the same
 * arrears counted twice, or the same employer again), and a lawyer on the case who has acted for the
 * employer. These are flags, not refusals: the people decide.
 */
@Injectable()
export class ConflictsService {
  constructor(private readonly dataSource: DataSource) {}

  async forCase(caseId: string, scope: Scope): Promise<CaseConflictsView> {
    await assertCaseVisible(this.dataSource.manager, caseId, scope);
    const workersInOtherOpenCases = await this.dataSource.query(
      `SELECT w.id AS "workerId", w.name AS "workerName", other.case_number AS "caseNumber", other.status,
              (o.path LIKE $2 || '%') AS "visible", CASE WHEN o.path LIKE $2 || '%' THEN other.id END AS "caseId"
         FROM claims mine
         JOIN claims theirs ON theirs.worker_id = mine.worker_id AND theirs.case_id <> mine.case_id
         JOIN cases other ON other.id = theirs.case_id AND other.status NOT IN ('closed', 'withdrawn', 'rejected')
         JOIN organisations o ON o.id = other.organisation_id
         JOIN workers w ON w.id = mine.worker_id
        WHERE mine.case_id = $1
        ORDER BY w.name, other.case_number`,
      [caseId, scope.path],
    );
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
