import { type EdgeEnv, type EdgeHerald, edgeHerald, type WaitUntil } from '../../server/edge/edge-herald.ts';
import type { Store } from '../../server/store/store.ts';

/**
 * The Worker the API suite runs against in workerd (`test/support/edge-app.ts`): production's
 * `edgeHerald` on the local D1, with what `testApp` sets (token, ids, a clock the test moves, the
 * test's client-address header) and, under `/__test/`, what a test does to the app in-process: start
 * afresh, call the store, wait for background work. Built beside `worker.js` and never deployed.
 */

/** The test's clock, sent with every request (`x-test-now`), so `t.clock.advance` moves the Worker's too. */
let now = new Date('2026-11-26T10:00:00Z');
let counter = 0;
let herald: EdgeHerald | undefined;

/** The dependencies a test may set, as JSON (`appOn(kind, overrides)`). */
type Overrides = { webhookRetryDelaysMs?: number[]; limits?: Record<string, unknown> };

async function fresh(env: EdgeEnv & { TEST_TOKEN: string }, overrides: Overrides): Promise<void> {
  await dropAllTables(env);
  herald = edgeHerald(
    { ...env, HERALD_API_TOKEN: env.TEST_TOKEN },
    {
      clock: () => now,
      ids: (prefix, length = 16) =>
        `${prefix}_${(++counter).toString(36).padStart(Math.min(length, 8), '0')}`,
      log: () => {},
      publicUrl: 'http://localhost:8787',
      clientIp: (c) => c.req.header('x-test-client-ip'),
      ...overrides,
    },
    { seed: false },
  );
  await herald.ready();
}

/** Every table of the test's D1 (its own `_cf_` ones aside), in any order: foreign keys may make one wait. */
async function dropAllTables(env: EdgeEnv): Promise<void> {
  for (let pass = 0; pass < 20; pass++) {
    const { results } = await env.DB.prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_cf\\_%' escape '\\'",
    )
      .bind()
      .all();
    const names = (results ?? []) as { name: string }[];
    if (names.length === 0) return;
    for (const { name } of names) {
      await env.DB.prepare(`drop table if exists "${name}"`)
        .bind()
        .all()
        .catch(() => {});
    }
  }
  throw new Error('could not empty the test database');
}

async function control(path: string, body: any, env: EdgeEnv & { TEST_TOKEN: string }): Promise<unknown> {
  if (path === 'reset') return fresh(env, body ?? {});
  if (herald === undefined) throw new Error('call /__test/reset first');
  if (path === 'settled') return herald.background();
  if (path === 'drain') return herald.app.webhooks.drain();
  if (path === 'check-all') return herald.app.rollout.checkAll();
  if (path.startsWith('store/')) {
    const method = path.slice('store/'.length) as keyof Store;
    const fn = herald.store[method] as unknown as (...args: unknown[]) => Promise<unknown>;
    if (typeof fn !== 'function') throw new Error(`the store has no ${method}`);
    return fn(...(body as unknown[]));
  }
  throw new Error(`no test control ${path}`);
}

export default {
  async fetch(request: Request, env: EdgeEnv & { TEST_TOKEN: string }, ctx: WaitUntil): Promise<Response> {
    const at = request.headers.get('x-test-now');
    if (at) now = new Date(at);
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/__test/')) {
      try {
        const body = request.method === 'POST' ? await request.json() : undefined;
        const result = await control(pathname.slice('/__test/'.length), body, env);
        // What the control left running (a webhook delivery a rollout check woke) finishes as after any request.
        if (herald !== undefined) ctx.waitUntil(herald.background());
        return Response.json({ result: result ?? null });
      } catch (err) {
        return Response.json({ error: String((err as Error)?.stack ?? err) }, { status: 500 });
      }
    }
    if (herald === undefined) return new Response('call /__test/reset first', { status: 500 });
    return herald.handle(request, ctx);
  },
};
