import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A unit of work. Every repository method takes one: the same `Tx` in several calls makes them one
 * database transaction; `Transactions.none` reads outside any. Services hand it on without knowing
 * it is TypeORM's EntityManager, so only repositories (and database/) talk to the database.
 */
export type Tx = EntityManager;

@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: all of it is committed, or none of it. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** For reads that need no transaction (each statement on its own). */
  get none(): Tx {
    return this.dataSource.manager;
  }
}
