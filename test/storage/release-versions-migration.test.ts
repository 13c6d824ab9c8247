import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import { makeRelease, makeSite } from './fixtures.ts';
import { insertOld, oldDatabase } from './old-database.ts';

describe('migration 005 (release versions and the webhook outbox)', () => {
  it('reads a release stored before it at version 0, and writes it compare-and-set from there', async () => {
    // A database as it was before 005: the earlier migrations applied, a release document without a version.
    const { db, file } = await oldDatabase('005');
    const site = makeSite();
    const { version: _v, ...old } = makeRelease(site.id, { status: 'active', currentPhase: 0 });
    await insertOld(db, site, 'releases', old);
    await db.destroy();

    const store = await openSqliteStore(file);
    await store.migrate();
    const release = await store.getRelease(old.id);
    expect(release).toEqual({ ...old, version: 0 });
    const paused = { ...old, version: 0, status: 'paused' as const };
    expect(await store.updateRelease(paused)).toEqual({ ...paused, version: 1 });
    expect(await store.updateRelease({ ...old, version: 0, name: 'Stale' })).toBeNull();
    expect(await store.pendingNotices()).toEqual([]);
    await store.close();
  });
});
