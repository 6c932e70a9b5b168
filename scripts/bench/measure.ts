/** Timing helpers for `npm run bench`: percentiles of repeated runs, and readable figures. */

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
}

/**
 * Times a report and its references side by side on a noisy machine: after their warm-ups, each
 * reference's runs are spread evenly among the report's, so a busy spell of the machine slows them all
 * alike instead of whichever happened to run then. A reference that answers within a second runs as
 * often as the report; a slow one `referenceRuns` times.
 */
export async function timeSideBySide(
  report: () => Promise<unknown>,
  references: (() => Promise<unknown>)[],
  runs: number,
  referenceRuns: number,
): Promise<{ report: Timing; references: Timing[] }> {
  await report();
  await report();
  const plans = [];
  for (const reference of references) {
    const warm = await sample(reference);
    plans.push({ reference, times: warm < 1000 ? runs : Math.min(runs, referenceRuns), samples: [] as number[] });
  }
  const reportSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    reportSamples.push(await sample(report));
    // a reference's k-th run comes after the report's run i where k·runs ÷ times is passed
    for (const plan of plans) {
      if (Math.floor(((i + 1) * plan.times) / runs) > plan.samples.length) plan.samples.push(await sample(plan.reference));
    }
  }
  const timing = (samples: number[]): Timing => ({ runs: samples.length, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) });
  return { report: timing(reportSamples), references: plans.map((plan) => timing(plan.samples)) };
}

async function sample(task: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await task();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Nearest-rank percentile: the smallest sample with at least that share of samples at or below it. */
export function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
}

/** The middle sample; with an even number of samples, the mean of the two middle ones. */
export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[Math.floor(middle)];
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
