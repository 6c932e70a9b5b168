import { Api } from '../../support/test-app';

export interface Answer {
  kind: string;
  status: number;
  /** The error code of a refusal (DATABASE_UNAVAILABLE…), or the health check's database status. */
  code: string | null;
  ms: number;
}

export type Step = { kind: string; call: (api: Api) => Promise<{ status: number; body: any }> };

/**
 * `clients` users repeating the steps in turn for `ms` milliseconds, each waiting for its answer
 * before the next (as people at a desk do); a network failure (no answer at all) counts as status 0.
 */
export async function traffic(api: Api, steps: Step[], ms: number, clients = 6): Promise<Answer[]> {
  const answers: Answer[] = [];
  const until = Date.now() + ms;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = client; Date.now() < until; i++) {
        const step = steps[i % steps.length];
        const started = Date.now();
        try {
          const { status, body } = await step.call(api);
          answers.push({ kind: step.kind, status, code: codeOf(body), ms: Date.now() - started });
        } catch {
          answers.push({ kind: step.kind, status: 0, code: null, ms: Date.now() - started });
        }
      }
    }),
  );
  return answers;
}

function codeOf(body: any): string | null {
  if (!body || typeof body !== 'object') return null;
  if (typeof body.code === 'string') return body.code;
  if (body.error?.database?.status) return `database ${body.error.database.status}`;
  return null;
}

/** Statuses with how often each was seen, e.g. { "200": 40, "503 DATABASE_UNAVAILABLE": 12 }. */
export function tally(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const key = answer.status >= 400 && answer.code ? `${answer.status} ${answer.code}` : String(answer.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export function slowest(answers: Answer[]): number {
  return Math.max(0, ...answers.map((answer) => answer.ms));
}

/** Polls until `check` holds or the time is up; returns how long it took (ms), or throws. */
export async function within(ms: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what}: not within ${ms / 1000} s`);
}
