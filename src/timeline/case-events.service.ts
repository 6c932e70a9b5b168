import { Injectable } from '@nestjs/common';
import { Page, PageQuery, offsetOf } from '../common/http/pagination';
import type { CaseStatus } from '../cases/domain/case-status';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { Transactions, Tx } from '../database/transactions';
import type { CaseEvent, CaseEventKind } from './case-event.record';
import { TimelineRepository } from './timeline.repository';

export interface NewCaseEvent {
  caseId: string;
  kind: CaseEventKind;
  actorId: string | null;
  fromStatus?: CaseStatus | null;
  toStatus?: CaseStatus | null;
  data?: Record<string, unknown>;
  /** The day it happened; today when omitted. */
  happenedOn?: string;
}

/**
 * The case timeline. Every change to a case writes its event in the same unit of work (Tx) as the
 * change itself, so a change and its record commit or fail together.
 */
@Injectable()
export class CaseEventsService {
  constructor(
    private readonly clock: Clock,
    private readonly repository: TimelineRepository,
    private readonly transactions: Transactions,
  ) {}

  async append(tx: Tx, ...events: NewCaseEvent[]): Promise<void> {
    if (events.length === 0) return;
    const occurredAt = this.clock.now();
    const today = shanghaiDate(occurredAt);
    await this.repository.insert(
      tx,
      events.map((event) => ({
        caseId: event.caseId,
        kind: event.kind,
        actorId: event.actorId,
        fromStatus: event.fromStatus ?? null,
        toStatus: event.toStatus ?? null,
        data: event.data ?? {},
        happenedOn: event.happenedOn ?? today,
        occurredAt,
      })),
    );
  }

  /** The day of the case's latest status change, as it happened, or null before its first. */
  lastStatusChangeOn(tx: Tx, caseId: string): Promise<string | null> {
    return this.repository.lastStatusChangeOn(tx, caseId);
  }

  async list(caseId: string, query: PageQuery): Promise<Page<CaseEvent>> {
    const { items, total } = await this.repository.pageOfCase(this.transactions.none, caseId, offsetOf(query), query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
