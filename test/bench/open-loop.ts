import { Worker } from 'node:worker_threads';
import { percentile } from './measure.ts';

/** One HTTP request of a load: with `bodies`, each send takes the next one in turn. Plain data, for a worker. */
export type LoadRequest = {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  bodies?: string[];
};

/**
 * Latency percentiles (ms) of an open-loop run, how many requests failed, and the generator's own longest
 * stall (ms between two turns of its timer, which should be 1).
 */
export type OpenLoopRun = { sent: number; p50: number; p99: number; failed: number; maxGapMs: number };

/** What one open-loop run is asked to do (`open-loop-worker.mjs` does it). */
export type OpenLoopJob = {
  base: string;
  request: LoadRequest;
  rate: number;
  seconds: number;
  connections: number;
};

/**
 * Sends `request` at a steady `rate` per second for three seconds of warm-up and then `seconds` more, whatever
 * the answers' pace (an open loop), over up to `connections` keep-alive connections, and times each answer
 * from the moment its request was due, so time spent waiting for a free connection counts too.
 *
 * It runs in a worker thread of its own: in the bench's process, a collection of the heap the earlier
 * benchmarks left behind stalled the clock-keeping and was counted as the server's latency (p99 27 ms in a
 * full run against 6–7 ms for decide alone).
 *
 * Why not autocannon's `overallRate`: each of its connections sends back to back until its share of the
 * second is used, then waits for the next second, so "half of peak" is really full load for half of each
 * second; and its correction for coordinated omission assumes a 1 ms interval between requests, which
 * weighs every slow answer as many times as it lasted in ms. Both inflate p99 by the burst, not the server.
 */
export async function openLoop(job: OpenLoopJob): Promise<OpenLoopRun> {
  const { latencies, ...run } = await new Promise<WorkerResult>((resolve, reject) => {
    const worker = new Worker(new URL('./open-loop-worker.mjs', import.meta.url), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the open-loop worker exited with ${code}`)));
  });
  return { ...run, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** What `open-loop-worker.mjs` posts back: each counted request's latency in ms, in the order answered. */
type WorkerResult = Omit<OpenLoopRun, 'p50' | 'p99'> & { latencies: number[] };
