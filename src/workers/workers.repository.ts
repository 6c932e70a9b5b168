import { Injectable } from '@nestjs/common';
import { saveWithVersion } from '../database/optimistic-update';
import type { Tx } from '../database/transactions';
import { Worker } from './worker.entity';

/** The columns of `workers` under the entity's property names, so a row reads as a Worker. */
const WORKER_COLUMNS = `worker.id, worker.name, worker.id_number_sealed AS "idNumberSealed", worker.id_number_hash AS "idNumberHash",
  worker.mobile_sealed AS "mobileSealed", worker.home_province AS "homeProvince", worker.version,
  worker.created_at AS "createdAt", worker.updated_at AS "updatedAt"`;

/**
 * Workers a user may see: those with a claim in a case of their scope, and those registered but not
 * yet on any case (a lawyer registers the worker before opening the case). $1: the scope's path.
 */
const WORKER_IN_SCOPE = `(
  EXISTS (SELECT 1 FROM claims cl JOIN cases c ON c.id = cl.case_id JOIN organisations o ON o.id = c.organisation_id
           WHERE cl.worker_id = worker.id AND o.path LIKE $1 || '%')
  OR NOT EXISTS (SELECT 1 FROM claims cl WHERE cl.worker_id = worker.id))`;

/** New workers are written this many to a statement, well below PostgreSQL's limit of bind parameters. */
const WORKERS_PER_INSERT = 500;

/** A search of the list: part of the name (a LIKE pattern), or a whole id number (its keyed hash). */
export interface WorkerSearch {
  namePattern: string;
  idNumberHash: string;
}

/** The `workers` table: the only place that reads or writes it for the workers feature. */
@Injectable()
export class WorkersRepository {
  /** Inserts one worker (already sealed) and returns it as stored. */
  insert(tx: Tx, worker: Partial<Worker>): Promise<Worker> {
    const repository = tx.getRepository(Worker);
    return repository.save(repository.create(worker));
  }

  /** Inserts workers (already sealed) and returns them as stored, in the order given. */
  async insertMany(tx: Tx, workers: Partial<Worker>[]): Promise<Worker[]> {
    const repository = tx.getRepository(Worker);
    const inserted: Worker[] = [];
    for (let start = 0; start < workers.length; start += WORKERS_PER_INSERT) {
      inserted.push(...(await repository.save(workers.slice(start, start + WORKERS_PER_INSERT).map((w) => repository.create(w)))));
    }
    return inserted;
  }

  /** The workers registered under any of these id-number hashes. */
  withIdNumberHashes(tx: Tx, hashes: string[]): Promise<Worker[]> {
    return tx.query(`SELECT ${WORKER_COLUMNS} FROM workers worker WHERE worker.id_number_hash = ANY($1::text[])`, [hashes]);
  }

  /** The worker with this id, if the scope may see it. */
  async visible(tx: Tx, id: string, scopePath: string): Promise<Worker | null> {
    const [found]: Worker[] = await tx.query(
      `SELECT ${WORKER_COLUMNS} FROM workers worker WHERE worker.id = $2 AND ${WORKER_IN_SCOPE}`,
      [scopePath, id],
    );
    return found ?? null;
  }

  /** A page of the workers the scope may see, by name, and how many there are in all. */
  async pageVisible(
    tx: Tx,
    scopePath: string,
    search: WorkerSearch | undefined,
    offset: number,
    limit: number,
  ): Promise<{ items: Worker[]; total: number }> {
    const params: unknown[] = [scopePath];
    let where = WORKER_IN_SCOPE;
    if (search) {
      params.push(search.namePattern, search.idNumberHash);
      where += ` AND (worker.name ILIKE $2 OR worker.id_number_hash = $3)`;
    }
    const items: Worker[] = await tx.query(
      `SELECT ${WORKER_COLUMNS} FROM workers worker WHERE ${where}
        ORDER BY worker.name ASC, worker.id ASC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    const [{ total }]: { total: number }[] = await tx.query(
      `SELECT count(*)::integer AS total FROM workers worker WHERE ${where}`,
      params,
    );
    return { items, total };
  }

  /** Applies a correction made from `expectedVersion`; a newer version answers STALE_VERSION. */
  updateWithVersion(tx: Tx, id: string, expectedVersion: number, changes: Record<string, unknown>): Promise<void> {
    return saveWithVersion(tx.getRepository(Worker), id, expectedVersion, changes, 'WORKER_NOT_FOUND');
  }
}
