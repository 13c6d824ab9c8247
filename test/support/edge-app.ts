import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { afterAll } from 'vitest';
import type { HeraldApp } from '../../server/app.ts';
import type { AppDeps } from '../../server/deps.ts';
import type { Store } from '../../server/store/store.ts';
import { apiClient, type TestApp, TOKEN } from './test-app.ts';
import { builtWorker } from './worker-runtime.ts';

/** The built Worker bundles (`vite build --mode test-worker`; the `unit` project's global setup runs it). */
export const WORKER_DIR = join(import.meta.dirname, '../../dist/test-worker');

let running: Promise<{ mf: Miniflare; base: URL }> | undefined;

/** One workerd per test file, started on first use, with a local D1 in memory; stopped after the file. */
function workerd(): Promise<{ mf: Miniflare; base: URL }> {
  running ??= (async () => {
    const mf = new Miniflare({
      ...builtWorker(join(WORKER_DIR, 'worker.js')),
      bindings: { TEST_TOKEN: TOKEN },
    });
    return { mf, base: await mf.ready };
  })();
  return running;
}

afterAll(async () => {
  const started = running;
  running = undefined;
  if (started) await (await started).mf.dispose();
});

/**
 * `res` as a proxy must pass it on: Node's `fetch` has already decoded a compressed body, so the
 * `content-encoding` (and the length of the encoded bytes) no longer describe it. Passed on unchanged, a
 * client would try to decode it again.
 */
function decoded(res: Response): Response {
  if (!res.headers.has('content-encoding')) return res;
  const headers = new Headers(res.headers);
  headers.delete('content-encoding');
  headers.delete('content-length');
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

/** The dependencies an edge test may set: those that cross to the Worker as JSON. */
export type EdgeOverrides = Pick<Partial<AppDeps>, 'webhookRetryDelaysMs' | 'limits'>;

/**
 * A `TestApp` whose app is the Worker in workerd (Miniflare) on a local D1, emptied for each test: the
 * same calls as `testApp`, over real HTTP. Its clock is sent with every request; its `store` and the
 * app's background work (`rollout.settled`, `webhooks.drain`, `rollout.checkAll`) are called through the
 * test Worker's `/__test/` routes (`edge-test-worker.ts`).
 *
 * @example const t = await edgeApp(); await t.post('/v1/decide', body)
 */
export async function edgeApp(overrides: EdgeOverrides = {}): Promise<TestApp> {
  const { base } = await workerd();
  const clock = {
    now: new Date('2026-11-26T10:00:00Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('x-test-now', clock.now.toISOString());
    return fetch(new URL(path, base), { ...init, headers, redirect: 'manual' });
  };
  const control = async (path: string, body: unknown = []) => {
    const res = await request(`/__test/${path}`, { method: 'POST', body: JSON.stringify(body) });
    const answer = (await res.json()) as { result?: unknown; error?: string };
    if (answer.error !== undefined) throw new Error(`Worker /__test/${path}: ${answer.error}`);
    return answer.result;
  };
  await control('reset', overrides);
  const store = new Proxy({} as Store, {
    get: (_target, method) =>
      method === 'then' ? undefined : (...args: unknown[]) => control(`store/${String(method)}`, args),
  });
  const app = {
    request,
    fetch: async (req: Request) => {
      const url = new URL(req.url);
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await req.arrayBuffer();
      // The hop's own headers stay with it: `fetch` sets them again for the next hop.
      const headers = new Headers(req.headers);
      for (const name of ['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'])
        headers.delete(name);
      const init = { method: req.method, headers, body };
      return decoded(await request(url.pathname + url.search, init));
    },
    rollout: { settled: () => control('settled'), checkAll: () => control('check-all') },
    webhooks: { drain: () => control('drain') },
  } as unknown as HeraldApp;
  return {
    app,
    store,
    clock,
    ...apiClient(request),
    // The next test's reset empties the database; the workerd process is kept for the file.
    async close() {
      await control('settled');
    },
  };
}
