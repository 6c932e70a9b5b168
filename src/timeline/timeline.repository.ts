import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm';
import type { Tx } from '../database/transactions';
import { CaseEvent } from './case-event.entity';

/** The `case_events` table: the only place that reads or writes it. It is append-only. */
@Injectable()
export class TimelineRepository {
  /** Appends events in one statement, inside the caller's unit of work. */
  async insert(tx: Tx, events: Omit<CaseEvent, 'id'>[]): Promise<void> {
    // TypeORM cannot type free-form jsonb
    await tx.getRepository(CaseEvent).insert(events as QueryDeepPartialEntity<CaseEvent>[]);
  }

  /** A page of a case's timeline in the order things happened, and how many events it has. */
  async pageOfCase(tx: Tx, caseId: string, offset: number, limit: number): Promise<{ items: CaseEvent[]; total: number }> {
    const [items, total] = await tx.getRepository(CaseEvent).findAndCount({
      where: { caseId },
      order: { id: 'ASC' },
      skip: offset,
      take: limit,
    });
    return { items, total };
  }
}
