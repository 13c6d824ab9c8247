import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import { makeMessage, makeSite } from './fixtures.ts';
import { insertOld, oldDatabase } from './old-database.ts';

describe('migration 014 (message versions)', () => {
  it('reads a message stored before it at version 0, and writes it compare-and-set from there', async () => {
    // A database as it was before 014: the earlier migrations applied, a message document without a version.
    const { db, file } = await oldDatabase('014');
    const site = makeSite();
    const { version: _v, ...old } = makeMessage(site.id, { status: 'live', publishedAt: site.createdAt });
    await insertOld(db, site, 'messages', old);
    await db.destroy();

    const store = await openSqliteStore(file);
    await store.migrate();
    expect(await store.getMessage(old.id)).toEqual({ ...old, version: 0 });
    expect((await store.liveMessages(site.id)).map((m) => m.version)).toEqual([0]);
    const paused = { ...old, version: 0, status: 'paused' as const };
    expect(await store.updateMessage(paused)).toEqual({ ...paused, version: 1 });
    expect(await store.updateMessage({ ...old, version: 0, name: 'Stale' })).toBeNull();
    expect(await store.getMessage(old.id)).toEqual({ ...paused, version: 1 });
    await store.close();
  });
});
