import { describe } from 'vitest';
import type { AppDeps } from '../../server/deps.ts';
import { openStore } from '../../server/store/open-store.ts';
import { edgeApp } from './edge-app.ts';
import { pgProblem, pgSchema } from './pg-schema.ts';
import { eachTestApp, type TestApp, testApp } from './test-app.ts';

/** Why PostgreSQL tests cannot run here, or null; throws when `HERALD_REQUIRE_POSTGRES` demands it. */
const problem = await pgProblem();

/**
 * The stores an API test should run on: SQLite always, PostgreSQL where it answers (skipped loudly, or a
 * failure with `HERALD_REQUIRE_POSTGRES`), and `edge`: the Worker (`server/worker.ts`'s app) in workerd
 * on a local D1, over HTTP. Use with `describe.each(STORES)` and `appOn`.
 */
export const STORES = (['sqlite', 'postgres', 'edge'] as const).filter(
  (kind) => kind !== 'postgres' || problem === null,
);
export type StoreKind = (typeof STORES)[number];

/** What a test may set on any store kind (the edge takes only these, as JSON). */
export type AppOverrides = Pick<Partial<AppDeps>, 'webhookRetryDelaysMs' | 'limits'>;

/**
 * A test app on a fresh store of `kind` (PostgreSQL: a schema of its own, dropped on `close`; edge: the
 * Worker's D1, emptied).
 *
 * @example const t = await appOn('postgres')
 */
export async function appOn(kind: StoreKind, overrides: AppOverrides = {}): Promise<TestApp> {
  if (kind === 'sqlite') return testApp(overrides);
  if (kind === 'edge') return edgeApp(overrides);
  const db = await pgSchema();
  const t = await testApp({ ...overrides, store: await openStore(db.url) });
  return {
    ...t,
    async close() {
      await t.close();
      await db.drop();
    },
  };
}

/**
 * `describe`s `name` once per store kind (`"<name> on sqlite"`, …), giving `body` an app that is fresh for
 * each test (`eachTestApp` over `appOn(kind, overrides)`).
 *
 * @example eachStore('saved segments', (t) => { it('…', async () => { await createSite(t); }); });
 */
export function eachStore(
  name: string,
  body: (t: TestApp, kind: StoreKind) => void,
  { overrides = {}, drainWebhooks = false }: { overrides?: AppOverrides; drainWebhooks?: boolean } = {},
): void {
  describe.each(STORES)(`${name} on %s`, (kind) => {
    body(
      eachTestApp(() => appOn(kind, overrides), { drainWebhooks }),
      kind,
    );
  });
}
