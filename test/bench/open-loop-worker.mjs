// One open-loop run (see `openLoop` in open-loop.ts), in a worker thread with a heap of its own; posts its
// result. Plain JavaScript: Node 20 does not hand tsx's loader to a worker thread.
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';

/** @param {import('./open-loop.ts').OpenLoopJob} job */
async function run({ base, request, rate, seconds, connections }) {
  const pool = new Pool(base, { connections, pipelining: 1 });
  const total = Math.max(1, Math.round(rate * (seconds + 1)));
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
  // The first second warms both sides up (connections, JIT) and is not counted.
  const counted = start + 1000;
  let sent = 0;
  while (sent < total) {
    // Every request due by now goes out now: a late timer sends a small batch, never skips one.
    const now = performance.now();
    for (; sent < total && start + sent * interval <= now; sent++) {
      const due = start + sent * interval;
      pending.push(send(sent, due, due >= counted));
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (/** @type {number} */ p) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { sent, p50: at(0.5) ?? Number.NaN, p99: at(0.99) ?? Number.NaN, failed };
}

parentPort?.postMessage(await run(workerData));
