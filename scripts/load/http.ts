import { randomUUID } from 'node:crypto';
import { percentile } from '../bench/measure';

/** What one request (or one page's requests together) answered, for the tally. */
export interface Outcome {
  status: number;
  body: unknown;
}

/**
 * A user of the service as the pages use it: a bearer token shared by every virtual user of the same
 * account (one password hash at the start, not fifty), renewed by logging in again before the
 * 15-minute access token runs out. Every create carries an `Idempotency-Key`, as the pages send.
 */
export class Session {
  private token = '';
  private loggedInAt = 0;
  private pending: Promise<void> | null = null;

  constructor(
    readonly baseUrl: string,
    private readonly username: string,
    private readonly password: string,
  ) {}

  async logIn(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: this.username, password: this.password }),
    });
    if (!response.ok) throw new Error(`login of ${this.username}: ${response.status} ${await response.text()}`);
    this.token = ((await response.json()) as { accessToken: string }).accessToken;
    this.loggedInAt = Date.now();
  }

  private async authorization(): Promise<string> {
    if (Date.now() - this.loggedInAt > 10 * 60_000) {
      this.pending ??= this.logIn().finally(() => (this.pending = null));
      await this.pending;
    }
    return `Bearer ${this.token}`;
  }

  /** One request; the body is read whole (JSON when it is JSON), so the time includes the download. */
  async request(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Outcome> {
    const headers: Record<string, string> = { authorization: await this.authorization() };
    if (body !== undefined) headers['content-type'] = contentType;
    if (method === 'POST') headers['idempotency-key'] = randomUUID();
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : (body as string),
      signal: AbortSignal.timeout(60_000),
    });
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('json')) return { status: response.status, body: await response.json() };
    // exports and the like: count the bytes, keep nothing
    let bytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    return { status: response.status, body: { bytes } };
  }
}

interface KindTally {
  times: number[];
  ok: number;
  failed: number;
}

/** Every timed step of the run, by kind: times, successes, failures, 5xx, and the failures' reasons. */
export class Tally {
  readonly kinds = new Map<string, KindTally>();
  readonly reasons = new Map<string, number>();
  serverErrors = 0;
  requests = 0;

  constructor(private readonly maxRequests: number) {}

  get exhausted(): boolean {
    return this.requests >= this.maxRequests;
  }

  /**
   * Times `step` (one or several requests) under `kind`. It succeeds when every answer has the
   * expected status (or `expected` finds no wrong answer); anything else (a refusal, a 5xx, a dropped connection) is a failure, counted with
   * its status and error code.
   */
  async time<T extends Outcome | Outcome[]>(
    kind: string,
    expected: number | ((outcomes: Outcome[]) => Outcome | undefined),
    requests: number,
    step: () => Promise<T>,
  ): Promise<T | null> {
    const tally = this.kinds.get(kind) ?? { times: [], ok: 0, failed: 0 };
    this.kinds.set(kind, tally);
    this.requests += requests;
    const started = process.hrtime.bigint();
    let result: T;
    try {
      result = await step();
    } catch (error) {
      tally.failed++;
      this.reason(kind, `network: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
      return null;
    }
    tally.times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const outcomes: Outcome[] = Array.isArray(result) ? result : [result as Outcome];
    const wrong = typeof expected === 'number' ? outcomes.find((outcome) => outcome.status !== expected) : expected(outcomes);
    for (const outcome of outcomes) if (outcome.status >= 500) this.serverErrors++;
    if (!wrong) {
      tally.ok++;
      return result;
    }
    tally.failed++;
    const code = (wrong.body as { code?: string } | null)?.code ?? '';
    this.reason(kind, `${wrong.status} ${code}`.trim());
    return null;
  }

  private reason(kind: string, reason: string): void {
    const key = `${kind}: ${reason}`;
    this.reasons.set(key, (this.reasons.get(key) ?? 0) + 1);
  }

  rows(seconds: number): (string | number)[][] {
    return [...this.kinds.entries()]
      .sort(([, a], [, b]) => b.ok + b.failed - (a.ok + a.failed))
      .map(([kind, tally]) => [
        kind,
        tally.ok + tally.failed,
        (tally.ok / seconds).toFixed(1),
        ...[0.5, 0.95, 0.99].map((share) => (tally.times.length ? `${percentile(tally.times, share).toFixed(0)} ms` : '—')),
        tally.failed,
      ]);
  }
}
