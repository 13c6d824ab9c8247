import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  announcement,
  createSite,
  publishMessage,
  shownIds,
  type TestApp,
  testApp,
} from '../../test/support/test-app.ts';
import { createKyselyStore } from '../store/kysely-store.ts';
import { sqliteTraitText } from '../store/sqlite-trait-text.ts';
import type { Tables } from '../store/tables.ts';
import { liveVersions, type PolledChangeFeed } from './live-versions.ts';

const dir = mkdtempSync(join(tmpdir(), 'herald-live-versions-'));
const opened: TestApp[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

/** An "isolate": its own connection to the one database, its own app and cache, and a polled feed. */
async function isolate(
  file: string,
  clock: { ms: number },
): Promise<{ t: TestApp; changes: PolledChangeFeed }> {
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: new Database(file) }) });
  const store = createKyselyStore(db, { lockStateRows: false, traitText: sqliteTraitText });
  const changes = liveVersions(db as Kysely<unknown>, { everyMs: 1000, now: () => clock.ms });
  const t = await testApp({ store, changes, userStateCache: undefined });
  opened.push(t);
  return { t, changes };
}

describe('liveVersions (the edge’s change feed)', () => {
  it('makes another isolate serve a newly published message after its next version check, not before', async () => {
    const file = join(dir, 'one.db');
    const clock = { ms: 0 };
    const a = await isolate(file, clock);
    const b = await isolate(file, clock);
    const site = await createSite(a.t);
    await publishMessage(a.t, site.id, announcement({ name: 'first' }));
    await b.changes.refresh();
    const user = { id: 'u_1' };
    expect(await shownIds(b.t, site, user)).toHaveLength(1); // b has now cached the site

    const second = await publishMessage(a.t, site.id, announcement({ name: 'second' }));
    await a.changes.settled();
    await b.changes.refresh(); // within the same second: not checked again, still the cached site
    expect(await shownIds(b.t, site, user)).not.toContain(second);
    clock.ms += 1000;
    await b.changes.refresh();
    expect(await shownIds(b.t, site, user)).toContain(second);
  });
});

process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
