import { randomId } from '../../server/http/ids.ts';
import { seedDemo } from '../../server/seed/demo.ts';
import { DEMO_KEY } from '../../server/seed/demo-content.ts';
import { testApp } from '../support/test-app.ts';
import { fmt, percentile, perSecond, runPool } from './measure.ts';
import type { BenchRow } from './report.ts';

const USERS = 500;
const MAX_REQUESTS = 20_000;
const BUDGET_MS = 4000;
const CITIES = ['Austin', 'Dallas', 'Houston', 'Boston'];

/**
 * `POST /v1/decide` through the in-process app (`app.request`, no sockets) for the seeded demo site, 32
 * requests in flight; baseline: `GET /healthz` (routing plus a storage round trip) in the same run.
 */
export async function benchDecideRoute(): Promise<BenchRow[]> {
  const t = await testApp();
  await seedDemo(t.store, randomId, t.clock.now);
  const { app } = t;
  // A user's traits depend on the user only, so that a returning user causes no write.
  const body = (n: number) => {
    const u = n % USERS;
    return JSON.stringify({
      site: DEMO_KEY,
      user: { id: `u_${u}`, traits: { city: CITIES[u % CITIES.length], plan: u % 3 ? 'pro' : 'free' } },
      context: { url: n % 2 ? 'http://localhost/demo/' : 'http://localhost/demo/reserve', locale: 'en-US' },
    });
  };
  const decide = async (n: number) => {
    const res = await app.request('/v1/decide', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(n),
    });
    if (res.status !== 200) throw new Error(`POST /v1/decide answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    return 1;
  };
  const health = async () => {
    const res = await app.request('/healthz');
    await res.arrayBuffer();
    return 1;
  };
  // First sight of each user stores their traits (one durable write each); measure the steady state after.
  await runPool(8, USERS, 60_000, decide);
  const decided = await runPool(32, MAX_REQUESTS, BUDGET_MS, decide);
  const baseline = await runPool(32, MAX_REQUESTS, BUDGET_MS / 4, health);
  await t.close();
  return [
    {
      figure: `POST /v1/decide in process (app.request, demo site, ${USERS} returning users, 32 in flight), req/s`,
      herald: `${fmt(perSecond(decided.ops, decided.ms), 0)} (p95 ${fmt(percentile(decided.latencies, 95), 1)} ms)`,
      baseline: `GET /healthz ${fmt(perSecond(baseline.ops, baseline.ms), 0)}`,
      target: '–',
      verdict: '–',
    },
  ];
}
