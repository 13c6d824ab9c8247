import { createApp, type HeraldApp } from '../../server/app.ts';
import type { AppDeps } from '../../server/deps.ts';
import { randomId } from '../../server/http/ids.ts';
import { nodePasswords } from '../../server/node/passwords.ts';
import { pgChanges } from '../../server/node/pg-changes.ts';
import { openStore } from '../../server/store/open-store.ts';
import type { Store } from '../../server/store/store.ts';

/** One Herald instance on a shared PostgreSQL database, as a load balancer would see it. */
export type PgInstance = {
  app: HeraldApp;
  store: Store;
  /** Calls the app with the bearer `token`; JSON in, parsed JSON out. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
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
    async api(method, path, body) {
      const res = await app.request(path, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
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
