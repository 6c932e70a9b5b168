/** Timing helpers for `npm run bench`: percentiles of repeated runs, and readable figures. */

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
}

/** Runs `task` `warmup` times unmeasured, then `runs` times, and returns the percentiles in milliseconds. */
export async function time(task: () => Promise<unknown>, runs: number, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await task();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await task();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { runs, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

/** Nearest-rank percentile: the smallest sample with at least that share of samples at or below it. */
export function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
}

/** Runs `task` from `concurrency` workers for `seconds` and returns how many completed per second. */
export async function throughput(task: (worker: number, iteration: number) => Promise<void>, concurrency: number, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let iteration = 0; Date.now() < deadline; iteration++) {
        await task(worker, iteration);
        done++;
      }
    }),
  );
  return { done, perSecond: done / ((Date.now() - started) / 1000) };
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/** Prints rows as a Markdown table, ready for BENCHMARKS.md. */
export function table(headings: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headings), line(headings.map(() => '---')), ...rows.map(line)].join('\n');
}
