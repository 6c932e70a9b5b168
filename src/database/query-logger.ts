import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';

/** Long enough to find the query in the code, short enough that a 7 MB statement is not one log line. */
const QUERY_CHARS = 500;
const MESSAGE_CHARS = 300;

/**
 * What the database layer logs: failed queries and the driver's warnings, nothing else. A failed query
 * is logged by its SQL (cut short) and the database's error, never with its parameters: they are
 * names, id-number hashes and sealed personal data. TypeORM's own console logger prints them all.
 */
export class QueryLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string, parameters?: unknown[] | object): void {
    const sqlState = typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    const message = typeof error === 'string' ? error : error.message;
    const count = Array.isArray(parameters) ? parameters.length : parameters ? Object.keys(parameters).length : 0;
    this.logger.error(
      `Query failed${typeof sqlState === 'string' ? ` (${sqlState})` : ''}: ${cut(message, MESSAGE_CHARS)} ` +
        `-- ${cut(query, QUERY_CHARS)} -- ${count} parameter(s) not shown`,
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow query (${time} ms): ${cut(query, QUERY_CHARS)}`);
  }

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(cut(String(message), MESSAGE_CHARS));
  }
}

/** The text on one line, cut to `max` characters with a note of how much was left out. */
export function cut(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max)}… (${oneLine.length - max} more characters)`;
}
