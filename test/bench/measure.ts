/**
 * Timing helpers for the benchmarks. Every loop is bounded by a count and by a time budget, because the
 * machine is shared: a run must stay short even when the disk or CPU is slow.
 */

/** How many iterations of `fn` ran and how long they took, after a short warm-up. */
export type LoopResult = { iterations: number; ms: number; usPerOp: number };

/**
 * Runs `fn(i)` until `maxIterations` or `budgetMs` is reached, checking the clock every `every` calls,
 * after `warmup` untimed calls.
 */
export function timeLoop(
  fn: (i: number) => unknown,
  maxIterations: number,
  budgetMs: number,
  { warmup = 1000, every = 64 } = {},
): LoopResult {
  for (let i = 0; i < warmup; i++) fn(i);
  let sink = 0;
  let i = 0;
  const start = performance.now();
  let now = start;
  while (i < maxIterations && now - start < budgetMs) {
    const end = Math.min(i + every, maxIterations);
    for (; i < end; i++) if (fn(i) === sink) sink++;
    now = performance.now();
  }
  const ms = now - start;
  return { iterations: i, ms, usPerOp: (ms * 1000) / i };
}

/** Median µs per call of a function and of its baseline, and how many calls of the function were timed. */
export type Paired = { usPerOp: number; baselineUsPerOp: number; iterations: number };

/**
 * Times `fn` and `baseline` in alternating short slices and takes the median of each, so that a burst of
 * load from a neighbour on the shared machine lands on both sides instead of skewing one.
 */
export function timePaired(
  fn: (i: number) => unknown,
  baseline: (i: number) => unknown,
  { rounds = 7, fnMs = 200, baselineMs = 60 } = {},
): Paired {
  const mine: number[] = [];
  const theirs: number[] = [];
  let iterations = 0;
  for (let r = 0; r < rounds; r++) {
    const measured = timeLoop(fn, Number.MAX_SAFE_INTEGER, fnMs, { warmup: r === 0 ? 1000 : 0 });
    iterations += measured.iterations;
    mine.push(measured.usPerOp);
    theirs.push(
      timeLoop(baseline, Number.MAX_SAFE_INTEGER, baselineMs, { warmup: r === 0 ? 1000 : 0 }).usPerOp,
    );
  }
  return { usPerOp: percentile(mine, 50), baselineUsPerOp: percentile(theirs, 50), iterations };
}

/** What a pool of concurrent async workers did: operations, items, wall time and per-operation latency. */
export type PoolResult = { ops: number; items: number; ms: number; latencies: number[] };

/**
 * Runs `task(n)` from `concurrency` workers, each awaiting its call before taking the next, until
 * `maxOps` calls are done or `budgetMs` has passed (calls already started finish). `task` returns how many
 * items it handled (events, requests).
 */
export async function runPool(
  concurrency: number,
  maxOps: number,
  budgetMs: number,
  task: (n: number) => Promise<number>,
): Promise<PoolResult> {
  const latencies: number[] = [];
  let next = 0;
  let items = 0;
  const start = performance.now();
  async function worker(): Promise<void> {
    while (next < maxOps && performance.now() - start < budgetMs) {
      const n = next++;
      const t0 = performance.now();
      const handled = await task(n);
      items += handled;
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ops: latencies.length, items, ms: performance.now() - start, latencies };
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Per second, from a count and milliseconds. */
export const perSecond = (count: number, ms: number): number => (count * 1000) / ms;

/** A number with a fixed number of significant-looking digits, for tables. */
export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 1000 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits);
}

/** Prints a table with a title, left-aligned first column and right-aligned numbers. */
export function printTable(title: string, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
