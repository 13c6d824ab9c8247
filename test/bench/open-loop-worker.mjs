// One open-loop run (see `openLoop` in open-loop.ts), in a worker thread with a heap of its own; posts its
// result. Plain JavaScript: Node 20 does not hand tsx's loader to a worker thread.
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';

/**
 * The first seconds warm both sides up and are not counted: connections open, and this thread (new for each
 * run) loads and compiles undici while the server takes the new pace. With one second, the first counted
 * second was often congested on this 2-core machine: the server ~85% busy against ~60% for the rest of the
 * run, and its requests were the slowest of the run (CPU profiles of three runs, 2026-12-04).
 */
const WARM_UP_SECONDS = 3;

/** @param {import('./open-loop.ts').OpenLoopJob} job */
async function run({ base, request, rate, seconds, connections }) {
  const pool = new Pool(base, { connections, pipelining: 1 });
  const total = Math.max(1, Math.round(rate * (seconds + WARM_UP_SECONDS)));
  const interval = 1000 / rate;
  /** @type {number[]} */
  const latencies = [];
  /** @type {Promise<void>[]} */
  const pending = [];
  const { bodies } = request;
  let failed = 0;
  /** @param {number} n @param {number} due @param {boolean} counted */
  const send = (n, due, counted) =>
    pool
      .request({
        method: request.method,
        path: request.path,
        ...(request.headers === undefined ? {} : { headers: request.headers }),
        ...(bodies === undefined ? {} : { body: bodies[n % bodies.length] }),
      })
      .then(async (res) => {
        await res.body.arrayBuffer();
        if (res.statusCode >= 300) failed++;
        if (counted) latencies.push(performance.now() - due);
      })
      .catch(() => {
        failed++;
      });
  const start = performance.now();
  const counted = start + WARM_UP_SECONDS * 1000;
  let sent = 0;
  // The longest this thread went between two turns of its 1 ms timer, once counting: a stall of the
  // generator itself, which delays every request due during it as much as a stall of the server would.
  let last = Number.NaN;
  let maxGapMs = 0;
  while (sent < total) {
    // Every request due by now goes out now: a late timer sends a small batch, never skips one.
    const now = performance.now();
    if (now >= counted) maxGapMs = Math.max(maxGapMs, now - last || 0);
    last = now;
    for (; sent < total && start + sent * interval <= now; sent++) {
      const due = start + sent * interval;
      pending.push(send(sent, due, due >= counted));
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  await pool.close();
  // The percentiles are taken by the caller, with the bench's one `percentile` (measure.ts).
  return { sent, latencies, failed, maxGapMs };
}

parentPort?.postMessage(await run(workerData));
