import { Pool } from 'undici';
import { percentile } from './measure.ts';

/** One HTTP request of a load: its body, if any, is made anew for each send. */
export type LoadRequest = {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: () => string;
};

/** Latency percentiles (ms) of an open-loop run, and how many requests failed or were still waiting. */
export type OpenLoopRun = { sent: number; p50: number; p99: number; failed: number };

/**
 * Sends `request` at a steady `rate` per second for one second of warm-up and then `seconds` more, whatever the answers' pace (an open loop),
 * over up to `connections` keep-alive connections, and times each answer from the moment its request was
 * due, so time spent waiting for a free connection counts too.
 *
 * Why not autocannon's `overallRate`: each of its connections sends back to back until its share of the
 * second is used, then waits for the next second, so "half of peak" is really full load for half of each
 * second; and its correction for coordinated omission assumes a 1 ms interval between requests, which
 * weighs every slow answer as many times as it lasted in ms. Both inflate p99 by the burst, not the server.
 */
export async function openLoop(
  base: string,
  request: LoadRequest,
  options: { rate: number; seconds: number; connections: number },
): Promise<OpenLoopRun> {
  const pool = new Pool(base, { connections: options.connections, pipelining: 1 });
  const total = Math.max(1, Math.round(options.rate * (options.seconds + 1)));
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let failed = 0;
  const send = (due: number) =>
    pool
      .request({
        method: request.method,
        path: request.path,
        ...(request.headers === undefined ? {} : { headers: request.headers }),
        ...(request.body === undefined ? {} : { body: request.body() }),
      })
      .then(async (res) => {
        await res.body.arrayBuffer();
        if (res.statusCode >= 300) failed++;
        if (due >= counted) latencies.push(performance.now() - due);
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
    while (sent < total && start + sent * interval <= now) pending.push(send(start + sent++ * interval));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  await pool.close();
  return { sent, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failed };
}
