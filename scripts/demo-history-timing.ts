/**
 * Times the demo's simulated history on fresh databases, the way `npm start` seeds it: the demo site,
 * then two weeks of pilot traffic, on a temp SQLite file and (when it answers) a PostgreSQL schema of its
 * own. Prints the milliseconds, what was written and the report's headline. A figure, not a test: issue
 * 14 wants the seed under 5 s, and speed is never a timed assertion in Herald's tests.
 *
 * Run: `npx tsx scripts/demo-history-timing.ts`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomId } from '../server/http/ids.ts';
import { seedDemo } from '../server/seed/demo.ts';
import { seedDemoHistory } from '../server/seed/demo-history.ts';
import { openStore } from '../server/store/open-store.ts';
import type { Store } from '../server/store/store.ts';
import { pgProblem, pgSchema } from '../test/support/pg-schema.ts';

async function time(name: string, store: Store): Promise<void> {
  const now = new Date();
  await seedDemo(store, randomId, now);
  const started = performance.now();
  const seeded = await seedDemoHistory(store, now);
  const ms = performance.now() - started;
  const site = (await store.listSites())[0];
  const release = site && (await store.listReleases(site.id))[0];
  const reach = release
    ? await store.reachCounts(release.id, release.goal?.event ?? null, { kind: 'phase' })
    : [];
  const side = (holdout: boolean) => reach.filter((r) => r.holdout === holdout);
  const rate = (rows: typeof reach) =>
    rows.reduce((n, r) => n + r.converted, 0) /
    Math.max(
      1,
      rows.reduce((n, r) => n + r.users, 0),
    );
  console.log(
    `${name.padEnd(10)} ${Math.round(ms)} ms  ${seeded?.users} users, ${seeded?.events} events; ` +
      `goal conversion exposed ${(rate(side(false)) * 100).toFixed(1)}% vs holdout ${(rate(side(true)) * 100).toFixed(1)}%`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'herald-demo-'));
try {
  const sqlite = await openStore(`sqlite:${join(dir, 'herald.db')}`);
  await time('SQLite', sqlite);
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if ((await pgProblem()) === null) {
  const schema = await pgSchema();
  try {
    const pg = await openStore(schema.url);
    await time('PostgreSQL', pg);
    await pg.close();
  } finally {
    await schema.drop();
  }
}
