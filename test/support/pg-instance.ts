import { afterAll, beforeAll } from 'vitest';
import { createApp, type HeraldApp } from '../../server/app.ts';
import type { AppDeps } from '../../server/deps.ts';
import { randomId } from '../../server/http/ids.ts';
import { nodePasswords } from '../../server/node/passwords.ts';
import { pgChanges } from '../../server/node/pg-changes.ts';
import { openStore } from '../../server/store/open-store.ts';
import type { Store } from '../../server/store/store.ts';
import { pgSchema } from './pg-schema.ts';

/** One Herald instance on a shared PostgreSQL database, as a load balancer would see it. */
export type PgInstance = {
  app: HeraldApp;
  store: Store;
  /** Calls the app with the bearer `token` and `headers`; JSON in, parsed JSON out. */
  api(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>;
  /** Waits for its background checks, then closes its change feed and store. */
  close(): Promise<void>;
};

/**
 * An app on `url` with its own store (pool) and LISTEN/NOTIFY change feed, on the real clock;
 * `overrides` replace any of its dependencies (e.g. fast webhook retries).
 *
 * @example const a = await pgInstance(db.url, 'token'); const b = await pgInstance(db.url, 'token');
 */
export async function pgInstance(
  url: string,
  token: string,
  overrides: Partial<AppDeps> = {},
): Promise<PgInstance> {
  const store = await openStore(url);
  const changes = await pgChanges(url, () => {});
  const app = createApp({
    store,
    changes,
    clock: () => new Date(),
    ids: randomId,
    log: () => {},
    apiToken: token,
    publicUrl: 'http://localhost',
    passwords: nodePasswords(),
    ...overrides,
  });
  return {
    app,
    store,
    async api(method, path, body, headers = {}) {
      const res = await app.request(path, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: await res.json() };
    },
    async close() {
      await app.rollout.settled();
      await changes.close();
      await store.close();
    },
  };
}

/**
 * Two instances, `a` and `b`, on one fresh PostgreSQL schema, made before the enclosing block's tests and
 * closed, with the schema, after them.
 *
 * @example const pair = instancePair('token'); it('…', async () => { const { a, b } = pair; … });
 */
export function instancePair(
  token: string,
  overrides: Partial<AppDeps> = {},
): { a: PgInstance; b: PgInstance } {
  let db: Awaited<ReturnType<typeof pgSchema>> | undefined;
  const made: PgInstance[] = [];
  beforeAll(async () => {
    db = await pgSchema();
    made.push(await pgInstance(db.url, token, overrides));
    made.push(await pgInstance(db.url, token, overrides));
  });
  afterAll(async () => {
    for (const x of made) await x.close();
    await db?.drop();
  });
  const nth = (i: number): PgInstance => {
    const x = made[i];
    if (x === undefined) throw new Error('the instances exist only while the block runs');
    return x;
  };
  return {
    get a() {
      return nth(0);
    },
    get b() {
      return nth(1);
    },
  };
}
