import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { type EdgeEnv, edgeHerald } from '../../server/edge/edge-herald.ts';
import { builtWorker, WORKER_RUNTIME } from '../support/worker-runtime.ts';
import {
  CONNECTIONS,
  decideBodies,
  decideRequest,
  load,
  MESSAGES,
  seedBenchSite,
  USERS,
} from './decide-http-bench.ts';
import { fmt } from './measure.ts';
import type { LoadRequest } from './open-loop.ts';
import type { BenchRow } from './report.ts';

const ROOT = join(import.meta.dirname, '../..');
/** A bare Worker that answers every request with a fixed text: workerd's own cost per request. */
const HELLO_WORKER = `export default { fetch: () => new Response('Hello Hono!') };`;

/**
 * `POST /v1/decide` in workerd: the production Worker (`vite build --mode worker`) in Miniflare on a local
 * D1, with the same 200 live messages and 10,000 returning users as the Node figure, against a bare
 * hello-world Worker in the same workerd build, in the same run. Peak rates first, then p50/p99 of each at
 * half of decide's peak (open loop). Rate limits are off, as for Node.
 */
export async function benchDecideWorkerd(): Promise<BenchRow[]> {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'worker', '--logLevel', 'error'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  const off = '0';
  const worker = new Miniflare({
    ...builtWorker(join(ROOT, 'dist/worker/worker.js')),
    bindings: {
      HERALD_DEMO: 'off',
      HERALD_LIMIT_ADDRESS_PER_MINUTE: off,
      HERALD_LIMIT_SITE_PER_MINUTE: off,
      HERALD_LIMIT_NEW_USERS_PER_MINUTE: off,
    },
  });
  const hello = new Miniflare({ ...WORKER_RUNTIME, modules: true, script: HELLO_WORKER });
  try {
    const base = String(await worker.ready).replace(/\/$/, '');
    const helloBase = String(await hello.ready).replace(/\/$/, '');
    // Seeded from here through the same D1 binding, with the store the Worker runs (migrated first).
    const seeder = edgeHerald(
      { DB: (await worker.getD1Database('DB')) as unknown as EdgeEnv['DB'] },
      {},
      { seed: false },
    );
    await seeder.ready();
    await seedBenchSite(seeder.store);
    const bodies = decideBodies();
    const decide = decideRequest(bodies);
    const bare: LoadRequest = { method: 'GET', path: '/' };
    // Every user's first decide stores their traits; the figures are for returning users.
    await load(base, decide, { amount: USERS });
    const helloPeak = await load(helloBase, bare, {});
    const decidePeak = await load(base, decide, {});
    // At the same steady rate as decide below: the latency of a server doing nothing, under the same load.
    const helloHalf = await load(helloBase, bare, { rate: decidePeak.rate / 2 });
    const decideHalf = await load(base, decide, { rate: decidePeak.rate / 2 });
    const share = (100 * decidePeak.rate) / helloPeak.rate;
    const failed = decidePeak.failed + decideHalf.failed;
    const failedNote = failed ? `; ${failed} requests failed` : '';
    return [
      {
        figure: `workerd: POST /v1/decide requests/s (${MESSAGES} live messages, ${fmt(USERS / 1000, 0)}k returning users, D1, ${CONNECTIONS} connections${failedNote})`,
        herald: fmt(decidePeak.rate, 0),
        baseline: `bare hello-world Worker ${fmt(helloPeak.rate, 0)} (${fmt(share, 1)}%)`,
        target: 'beside Node (above)',
        verdict: 'measured',
      },
      {
        figure: 'workerd: POST /v1/decide p50 / p99 ms at half of peak',
        herald: `${fmt(decideHalf.p50, 1)} / ${fmt(decideHalf.p99, 1)}`,
        baseline: `hello-world Worker at the same rate ${fmt(helloHalf.p50, 1)} / ${fmt(helloHalf.p99, 1)}`,
        target: 'beside Node (above)',
        verdict: 'measured',
      },
    ];
  } finally {
    await worker.dispose();
    await hello.dispose();
  }
}
