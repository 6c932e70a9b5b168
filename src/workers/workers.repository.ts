import { NameSearch, nameContains } from '../common/database-helpers';
import { assertFewEnoughMatches, searchMatchesCte } from '../database/search-breadth';
import { Injectable } from '@nestjs/common';
import { updateWithVersion } from '../database/optimistic-update';
import type { Tx } from '../database/transactions';
import type { Worker } from './worker.record';

/** The columns of `workers` under the record's field names, so a row reads as a Worker. */
const WORKER_COLUMNS = `worker.id, worker.name, worker.id_number_sealed AS "idNumberSealed", worker.id_number_hash AS "idNumberHash",
  worker.mobile_sealed AS "mobileSealed", worker.home_province AS "homeProvince", worker.version,
  worker.created_at AS "createdAt", worker.updated_at AS "updatedAt"`;

/**
 * Workers a user may see: those with a claim in a case of their scope, and those registered but not
 * yet on any case (a lawyer registers the worker before opening the case). $1: the scope's path.
 * A scope holding every organisation (the city's) sees every worker, and is known to once per
 * statement: otherwise each worker found is checked case by case (issue 17: the workers list's
 * commonest name, 7,880 workers, took 219 ms at a million cases checked, 50 ms not).
 */
const WORKER_IN_SCOPE = `(
  NOT EXISTS (SELECT 1 FROM organisations WHERE path NOT LIKE $1 || '%')
  OR EXISTS (SELECT 1 FROM claims cl JOIN cases c ON c.id = cl.case_id JOIN organisations o ON o.id = c.organisation_id
           WHERE cl.worker_id = worker.id AND o.path LIKE $1 || '%')
  OR NOT EXISTS (SELECT 1 FROM claims cl WHERE cl.worker_id = worker.id))`;

/** What a new worker is stored with; the database gives the id, the version (1) and the timestamps. */
export type NewWorker = Pick<Worker, 'name' | 'idNumberSealed' | 'idNumberHash' | 'mobileSealed' | 'homeProvince'>;

/** What a correction may change, under the record's field names. */
export type WorkerChanges = Partial<Pick<Worker, 'name' | 'mobileSealed' | 'homeProvince'>>;

/** The column of each field a correction may change: the only columns an update of a worker writes. */
const CHANGEABLE_COLUMNS: Record<keyof WorkerChanges, string> = {
  name: 'name',
  mobileSealed: 'mobile_sealed',
  homeProvince: 'home_province',
};

/**
 * The workers of a batch (a roster, the claims of an intake form), found by their id-number hashes, and
 * those not yet known registered, in one statement: intake is the desk's busiest write, and a round trip
 * fewer each. One array per column, so any number of workers takes five bind parameters. Nobody is
 * registered when a known worker is registered under another name than given (`namedOtherwise`): the
 * caller then rejects the batch. The database gives a new worker's id, version (1) and timestamps. The numbers are joined to
 * the table rather than matched with `= ANY($1)`: for a roster's 700 numbers PostgreSQL read the whole
 * table to match an ANY list (42 ms at 52,000 workers, against 8 ms for 700 lookups in the unique index).
 */
const FIND_OR_REGISTER_WORKERS = `
  WITH wanted AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                  AS w(name, id_number_sealed, id_number_hash, mobile_sealed, home_province)
  ), known AS MATERIALIZED (
    SELECT ${WORKER_COLUMNS}, worker.name <> wanted.name AS "namedOtherwise"
      FROM wanted JOIN workers worker ON worker.id_number_hash = wanted.id_number_hash
  ), registered AS (
    INSERT INTO workers AS worker (name, id_number_sealed, id_number_hash, mobile_sealed, home_province)
    SELECT w.* FROM wanted w
     WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k."idNumberHash" = w.id_number_hash)
       AND NOT EXISTS (SELECT 1 FROM known k WHERE k."namedOtherwise")
    RETURNING ${WORKER_COLUMNS}
  )
  SELECT *, false AS registered FROM known
  UNION ALL
  SELECT *, false, true FROM registered`;

/** A worker of a batch: known (and whether under another name than given) or registered just now. */
export type FoundOrRegistered = Worker & { registered: boolean; namedOtherwise: boolean };

/** A search of the list: part of the name, or a whole id number (its keyed hash). */
export interface WorkerSearch {
  name: NameSearch;
  idNumberHash: string;
}

/** The `workers` table: the only place that reads or writes it for the workers feature. */
@Injectable()
export class WorkersRepository {
  /** Inserts one worker (already sealed) and returns it as stored. */
  /** Up to `count` workers' sealed id numbers, the first registered first (to check the key at start-up). */
  async someSealedIdNumbers(tx: Tx, count: number): Promise<string[]> {
    const rows: { sealed: string }[] = await tx.query(`SELECT id_number_sealed AS sealed FROM workers ORDER BY created_at, id LIMIT $1`, [count]);
    return rows.map((row) => row.sealed);
  }

  /** See FIND_OR_REGISTER_WORKERS: each worker known or registered, with which it was (in no particular order). */
  findOrRegister(tx: Tx, workers: NewWorker[]): Promise<FoundOrRegistered[]> {
    if (workers.length === 0) return Promise.resolve([]);
    return tx.query(FIND_OR_REGISTER_WORKERS, [
      workers.map((w) => w.name),
      workers.map((w) => w.idNumberSealed),
      workers.map((w) => w.idNumberHash),
      workers.map((w) => w.mobileSealed),
      workers.map((w) => w.homeProvince),
    ]);
  }

  /** The worker with this id, if the scope may see it. */
  async visible(tx: Tx, id: string, scopePath: string): Promise<Worker | null> {
    const [found]: Worker[] = await tx.query(
      `SELECT ${WORKER_COLUMNS} FROM workers worker WHERE worker.id = $2 AND ${WORKER_IN_SCOPE}`,
      [scopePath, id],
    );
    return found ?? null;
  }

  /** Those of `ids` the scope may see. */
  async visibleAmong(tx: Tx, ids: string[], scopePath: string): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await tx.query(
      `SELECT worker.id FROM workers worker WHERE worker.id = ANY($2::uuid[]) AND ${WORKER_IN_SCOPE}`,
      [scopePath, ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** A page of the workers the scope may see, by name, and how many there are in all; a search too broad is refused. */
  async pageVisible(
    tx: Tx,
    scopePath: string,
    search: WorkerSearch | undefined,
    offset: number,
    limit: number,
  ): Promise<{ items: Worker[]; total: number }> {
    const params: unknown[] = [scopePath];
    if (!search) {
      const [{ total }]: { total: number }[] = await tx.query(`SELECT count(*)::integer AS total FROM workers worker WHERE ${WORKER_IN_SCOPE}`, params);
      const items: Worker[] = await tx.query(
        `SELECT ${WORKER_COLUMNS} FROM workers worker WHERE ${WORKER_IN_SCOPE} ORDER BY worker.name ASC, worker.id ASC LIMIT $2 OFFSET $3`,
        [...params, limit, offset],
      );
      return { items, total };
    }
    // A search's workers are found once (a common name is thousands of workers), counted with the page,
    // and so are its matches by name: a search too broad is refused (SEARCH_MATCHES_MAX).
    params.push(search.name.text, search.name.pattern, search.idNumberHash);
    // the workers found are read once, with every column (then only checked against the scope); one
    // list of both kinds of match, not an OR of two conditions, which is read by scanning every worker
    const matches = `WITH ${searchMatchesCte('name_matches', `SELECT * FROM workers worker WHERE ${nameContains('worker.name', '$2', '$3')}`)}`;
    const foundWorkers = `(SELECT * FROM name_matches UNION ALL SELECT * FROM workers WHERE id_number_hash = $4) worker`;
    const nameMatches = `(SELECT count(*)::integer FROM name_matches)`;
    const rows: (Worker & { total: number; matches: number })[] = await tx.query(
      `${matches} SELECT ${WORKER_COLUMNS}, count(*) OVER ()::integer AS total, ${nameMatches} AS matches FROM ${foundWorkers} WHERE ${WORKER_IN_SCOPE}
        ORDER BY worker.name ASC, worker.id ASC LIMIT $5 OFFSET $6`,
      [...params, limit, offset],
    );
    // a page past the last has no row to carry the counts
    const [counted] = rows.length > 0
      ? rows
      : await tx.query(`${matches} SELECT count(*)::integer AS total, ${nameMatches} AS matches FROM ${foundWorkers} WHERE ${WORKER_IN_SCOPE}`, params);
    assertFewEnoughMatches(counted.matches);
    return { items: rows.map(({ total: _total, matches: _matches, ...worker }) => worker), total: counted.total };
  }

  /** Applies a correction made from `expectedVersion`; a newer version answers STALE_VERSION. */
  updateWithVersion(tx: Tx, id: string, expectedVersion: number, changes: WorkerChanges): Promise<void> {
    const assignments = Object.fromEntries(
      Object.entries(CHANGEABLE_COLUMNS).map(([field, column]) => [column, changes[field as keyof WorkerChanges]]),
    );
    return updateWithVersion(tx, 'workers', id, expectedVersion, assignments, 'WORKER_NOT_FOUND');
  }
}
