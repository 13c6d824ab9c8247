import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import { makeSite } from './fixtures.ts';
import { oldDatabase } from './old-database.ts';

describe('migration 007 (public changelog)', () => {
  it('gives sites stored before it no changelog and no digest, and finds none of them by slug', async () => {
    // A database as it was before 007: every earlier migration applied, a site document without the new fields.
    const { db, file } = await oldDatabase('007');
    const { changelogSlug: _s, digest: _d, ...old } = makeSite();
    await db
      .insertInto('sites')
      .values({ id: old.id, public_key: old.publicKey, updated_at: old.updatedAt, doc: JSON.stringify(old) })
      .execute();
    await db.destroy();

    const store = await openSqliteStore(file);
    await store.migrate();
    expect(await store.getSite(old.id)).toEqual({ ...old, changelogSlug: null, digest: { every: 'off' } });
    expect(await store.countSubscribers(old.id)).toEqual({ pending: 0, confirmed: 0 });
    await store.close();
  });
});
