import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, QueryDeepPartialEntity, Repository } from 'typeorm';
import { Page, PageQuery, offsetOf } from '../common/http/pagination';
import type { CaseStatus } from '../cases/domain/case-status';
import { Clock } from '../common/time/clock';
import { CaseEvent, CaseEventKind } from './case-event.entity';

export interface NewCaseEvent {
  caseId: string;
  kind: CaseEventKind;
  actorId: string | null;
  fromStatus?: CaseStatus | null;
  toStatus?: CaseStatus | null;
  data?: Record<string, unknown>;
}

/**
 * The case timeline. Every change to a case writes its event with the same EntityManager as the
 * change itself, so a change and its record commit or fail together.
 */
@Injectable()
export class CaseEventsService {
  constructor(
    @InjectRepository(CaseEvent) private readonly events: Repository<CaseEvent>,
    private readonly clock: Clock,
  ) {}

  async append(manager: EntityManager, ...events: NewCaseEvent[]): Promise<void> {
    if (events.length === 0) return;
    const occurredAt = this.clock.now();
    await manager.getRepository(CaseEvent).insert(
      events.map((event) => ({
        caseId: event.caseId,
        kind: event.kind,
        actorId: event.actorId,
        fromStatus: event.fromStatus ?? null,
        toStatus: event.toStatus ?? null,
        data: event.data ?? {},
        occurredAt,
      })) as QueryDeepPartialEntity<CaseEvent>[], // TypeORM cannot type free-form jsonb
    );
  }

  async list(caseId: string, query: PageQuery): Promise<Page<CaseEvent>> {
    const [items, total] = await this.events.findAndCount({
      where: { caseId },
      order: { id: 'ASC' },
      skip: offsetOf(query),
      take: query.pageSize,
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
