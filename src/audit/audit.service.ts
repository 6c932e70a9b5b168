import { Injectable } from '@nestjs/common';
import type { Scope } from '../auth/domain/actor';
import { Page } from '../common/http/pagination';
import { Transactions } from '../database/transactions';
import { AuditRepository, AuditRow } from './audit.repository';
import { AuditQuery } from './dto/audit-query.dto';

@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly transactions: Transactions,
  ) {}

  /**
   * An administrator sees what users of their organisation subtree did; entries with no user
   * (failed logins of unknown names, changes made by the set-up command) only from the top of a tree.
   */
  async search(query: AuditQuery, scope: Scope): Promise<Page<AuditRow>> {
    const { items, total } = await this.repository.search(this.transactions.none, query, scope);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
