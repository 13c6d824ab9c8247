import { openStore } from '../../server/store/open-store.ts';
import { pgProblem, pgSchema } from './pg-schema.ts';
import { type TestApp, testApp } from './test-app.ts';

/** Why PostgreSQL tests cannot run here, or null; throws when `HERALD_REQUIRE_POSTGRES` demands it. */
const problem = await pgProblem();

/**
 * The stores an API test should run on: SQLite always, PostgreSQL where it answers (skipped loudly, or a
 * failure with `HERALD_REQUIRE_POSTGRES`). Use with `describe.each(STORES)` and `appOn`.
 */
export const STORES = (['sqlite', 'postgres'] as const).filter(
  (kind) => kind === 'sqlite' || problem === null,
);
export type StoreKind = (typeof STORES)[number];

/**
 * A test app on a fresh store of `kind` (PostgreSQL: a schema of its own, dropped on `close`).
 *
 * @example const t = await appOn('postgres')
 */
export async function appOn(kind: StoreKind): Promise<TestApp> {
  if (kind === 'sqlite') return testApp();
  const db = await pgSchema();
  const t = await testApp({ store: await openStore(db.url) });
  return {
    ...t,
    async close() {
      await t.close();
      await db.drop();
    },
  };
}
