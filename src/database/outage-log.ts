import { Logger } from '@nestjs/common';

/**
 * One line when the database stops answering, then at most one a minute, with how many like it were
 * left out, while it stays so. In an outage every request, every monitor probe and every scheduled job
 * fails the same way: a line each (4,600 in four seconds in the fault suite, test/faults) would bury
 * whatever else the log has to say, and a stack trace each says nothing the first line did not.
 */
export class OutageLog {
  private lastLoggedAt: number | null = null;
  private leftOut = 0;

  constructor(
    private readonly write: (line: string) => void,
    private readonly everyMs = 60_000,
  ) {}

  /** Logs `line` unless a line was logged less than a minute before `now` (ms), which it counts instead. */
  report(line: string, now: number): void {
    if (this.lastLoggedAt !== null && now - this.lastLoggedAt < this.everyMs) {
      this.leftOut += 1;
      return;
    }
    const since = this.lastLoggedAt === null ? '' : ` (and ${this.leftOut} like it left out of the log since the last one, ${Math.round((now - this.lastLoggedAt) / 1000)} s ago)`;
    this.write(this.leftOut > 0 ? line + since : line);
    this.lastLoggedAt = now;
    this.leftOut = 0;
  }
}

const databaseLogger = new Logger('Database');
/** Requests and scheduled jobs refused because the database did not answer. */
export const databaseOutages = new OutageLog((line) => databaseLogger.error(line));
/** /health probes that found the database down (a monitor polls every few seconds). */
export const healthOutages = new OutageLog((line) => new Logger('Health').warn(line));
