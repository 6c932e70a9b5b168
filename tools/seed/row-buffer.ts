import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { QueryRunner } from 'typeorm';
import { isoDay, stampText } from './days';

export type ColumnType = 'uuid' | 'text' | 'date' | 'timestamptz' | 'bigint' | 'integer' | 'boolean' | 'jsonb';

/** A column of a bulk insert and its PostgreSQL type. */
export type ColumnSpec = readonly [name: string, type: ColumnType];

/**
 * A value as the generator gives it: uuids and JSON as text; numbers; booleans; null. Dates are day
 * numbers (days since 1970-01-01) or 'YYYY-MM-DD'; timestamps are stamp() numbers (Shanghai minutes
 * since 1970-01-01 00:00) or text with an offset.
 */
export type CellValue = string | number | boolean | null;

/**
 * How rows reach the database:
 * - `unnest`: `INSERT INTO t (a, b) SELECT * FROM unnest($1::uuid[], $2::text[])`, a few thousand rows a
 *   statement, one parameter per column. Works everywhere, including the embedded PGlite, and can take an
 *   ON CONFLICT clause.
 * - `copy`: `COPY t (a, b) FROM STDIN (FORMAT binary)`, on a PostgreSQL server only. Measured on this
 *   machine for the claims table: unnest about 65,000 rows/s, text COPY about 110,000-130,000, binary
 *   COPY about 200,000-235,000 (the server no longer parses uuids, dates and timestamps from text,
 *   which was a fifth of its time). No ON CONFLICT, so only for rows that cannot collide.
 */
export type BulkMode = 'unnest' | 'copy';

/** Rows of one table, collected until the chunk is written. */
export class RowBuffer {
  private columns: CellValue[][] = [];
  private binary: BinaryRows | null = null;
  private rows = 0;
  private readonly insertSql: string;
  private readonly copySql: string;
  private readonly types: ColumnType[];

  constructor(
    readonly table: string,
    specs: readonly ColumnSpec[],
    readonly mode: BulkMode,
    /** Appended to the INSERT of the unnest mode, e.g. 'ON CONFLICT DO NOTHING'. */
    suffix = '',
  ) {
    if (mode === 'copy' && suffix) throw new Error(`${table}: COPY cannot take '${suffix}'`);
    this.types = specs.map(([, type]) => type);
    this.columns = specs.map(() => []);
    const names = specs.map(([name]) => name).join(', ');
    const arrays = specs.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
    this.insertSql = `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays}) ${suffix}`.trim();
    this.copySql = `COPY ${table} (${names}) FROM STDIN (FORMAT binary)`;
  }

  get length(): number {
    return this.rows;
  }

  push(...values: CellValue[]): void {
    const types = this.types;
    if (values.length !== types.length) throw new Error(`${this.table}: ${values.length} values for ${types.length} columns`);
    if (this.mode === 'copy') {
      this.binary ??= new BinaryRows();
      this.binary.row(types, values, this.table);
    } else {
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        // Numbers for dates and timestamps go into the array literal as text.
        this.columns[i].push(
          typeof value !== 'number' ? value : types[i] === 'date' ? isoDay(value) : types[i] === 'timestamptz' ? stampText(value) : value,
        );
      }
    }
    this.rows += 1;
  }

  /**
   * Writes everything collected and empties the buffer; `batchRows` rows a statement (unnest) or one
   * COPY. Returns how many rows the database inserted (fewer than pushed only with an ON CONFLICT DO
   * NOTHING suffix).
   */
  async flush(runner: QueryRunner, batchRows: number): Promise<number> {
    const rows = this.rows;
    if (rows === 0) return 0;
    this.rows = 0;
    if (this.mode === 'copy') {
      const payload = this.binary!.finish();
      this.binary = null;
      await copy(runner, this.copySql, payload);
      return rows;
    }
    const columns = this.columns;
    this.columns = this.types.map(() => []);
    let inserted = 0;
    for (let start = 0; start < rows; start += batchRows) {
      const end = Math.min(rows, start + batchRows);
      const params = columns.map((column) => (start === 0 && end === rows ? column : column.slice(start, end)));
      const result = await runner.query(this.insertSql, params, true);
      inserted += typeof result.affected === 'number' ? result.affected : end - start;
    }
    return inserted;
  }
}

/** Streams a COPY payload on the runner's own connection (inside its transaction). */
async function copy(runner: QueryRunner, sql: string, payload: Buffer): Promise<void> {
  // TypeORM's PostgreSQL query runner hands out the pg client it holds; COPY needs the client itself.
  const client = (await (runner as unknown as { connect(): Promise<PoolClient> }).connect()) as PoolClient;
  await new Promise<void>((resolve, reject) => {
    const stream = client.query(copyFrom(sql));
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    stream.end(payload);
  });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL's binary COPY format: a signature, then per row a 16-bit field count and per field a
// 32-bit length (-1 for NULL) and the value in the type's binary send format (big-endian).

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** 2000-01-01, PostgreSQL's epoch for dates and timestamps, in days since 1970-01-01. */
const PG_EPOCH_DAY = 10_957;
const TWO_32 = 4_294_967_296;
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;
  HEX_VALUE['0123456789ABCDEF'.charCodeAt(i)] = i;
}
const SHANGHAI_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})\+08:00$/;
const dayCache = new Map<string, number>();

/** Days from 2000-01-01 to a 'YYYY-MM-DD' day. */
function pgDays(date: string): number {
  let days = dayCache.get(date);
  if (days === undefined) {
    const ms = Date.parse(`${date}T00:00:00Z`);
    if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a date: ${date}`);
    days = ms / 86_400_000 - PG_EPOCH_DAY;
    dayCache.set(date, days);
  }
  return days;
}

/** Microseconds from 2000-01-01T00:00Z (exact in a double until the year 2285). */
function pgMicroseconds(instant: string): number {
  const match = SHANGHAI_INSTANT.exec(instant);
  if (match) {
    const seconds = pgDays(match[1]) * 86_400 + Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4]) - 8 * 3600;
    return seconds * 1_000_000;
  }
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`not a timestamp: ${instant}`);
  return (ms - PG_EPOCH_DAY * 86_400_000) * 1000;
}

class BinaryRows {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private offset = 0;

  constructor() {
    SIGNATURE.copy(this.buffer, 0);
    this.buffer.writeInt32BE(0, 11); // flags
    this.buffer.writeInt32BE(0, 15); // header extension length
    this.offset = 19;
  }

  row(types: ColumnType[], values: CellValue[], table: string): void {
    this.room(2);
    this.buffer.writeInt16BE(types.length, this.offset);
    this.offset += 2;
    for (let i = 0; i < types.length; i++) {
      const value = values[i];
      if (value === null) {
        this.room(4);
        this.buffer.writeInt32BE(-1, this.offset);
        this.offset += 4;
        continue;
      }
      switch (types[i]) {
        case 'uuid':
          this.uuid(String(value), table);
          break;
        case 'text':
          this.text(String(value), false);
          break;
        case 'jsonb':
          this.text(String(value), true);
          break;
        case 'date':
          this.int32(typeof value === 'number' ? value - PG_EPOCH_DAY : pgDays(String(value)));
          break;
        case 'timestamptz':
          // a stamp(): Shanghai minutes since 1970 → UTC microseconds since 2000
          this.int64(typeof value === 'number' ? ((value - 480) * 60 - PG_EPOCH_DAY * 86_400) * 1_000_000 : pgMicroseconds(String(value)));
          break;
        case 'bigint':
          this.int64(Number(value));
          break;
        case 'integer':
          this.int32(Number(value));
          break;
        case 'boolean':
          this.room(5);
          this.buffer.writeInt32BE(1, this.offset);
          this.buffer[this.offset + 4] = value ? 1 : 0;
          this.offset += 5;
          break;
      }
    }
  }

  finish(): Buffer {
    this.room(2);
    this.buffer.writeInt16BE(-1, this.offset);
    this.offset += 2;
    return this.buffer.subarray(0, this.offset);
  }

  private room(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }

  private uuid(value: string, table: string): void {
    this.room(20);
    const buffer = this.buffer;
    let at = this.offset;
    buffer.writeInt32BE(16, at);
    at += 4;
    let bad = value.length !== 36 ? -1 : 0;
    for (let i = 0; i < 36 && bad === 0; i++) {
      if (i === 8 || i === 13 || i === 18 || i === 23) {
        if (value.charCodeAt(i) !== 45) bad = -1; // '-'
        continue;
      }
      const high = value.charCodeAt(i);
      const low = value.charCodeAt(++i);
      const h = high > 127 ? -1 : HEX_VALUE[high];
      const l = low > 127 ? -1 : HEX_VALUE[low];
      if (h < 0 || l < 0) bad = -1;
      else buffer[at++] = (h << 4) | l;
    }
    if (bad < 0) throw new Error(`${table}: not a uuid: ${value}`);
    this.offset = at;
  }

  /** UTF-8 text; jsonb's binary format is a version byte (1) and the JSON text. */
  private text(value: string, jsonb: boolean): void {
    this.room(5 + value.length * 3);
    const start = this.offset;
    let at = start + 4;
    if (jsonb) this.buffer[at++] = 1;
    at += this.buffer.write(value, at, 'utf8');
    this.buffer.writeInt32BE(at - start - 4, start);
    this.offset = at;
  }

  private int32(value: number): void {
    this.room(8);
    this.buffer.writeInt32BE(4, this.offset);
    this.buffer.writeInt32BE(value, this.offset + 4);
    this.offset += 8;
  }

  private int64(value: number): void {
    if (!Number.isSafeInteger(value)) throw new Error(`not a safe integer: ${value}`);
    this.room(12);
    const high = Math.floor(value / TWO_32);
    this.buffer.writeInt32BE(8, this.offset);
    this.buffer.writeInt32BE(high, this.offset + 4);
    this.buffer.writeUInt32BE(value - high * TWO_32, this.offset + 8);
    this.offset += 12;
  }
}
