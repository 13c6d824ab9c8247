import { describe, expect, it } from 'vitest';
import { emptyUserState } from '../../server/core/history.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import { at, makeSite } from './fixtures.ts';
import { oldDatabase } from './old-database.ts';

describe('migration 015 (traits kept on exposures)', () => {
  it('gives exposures stored before it their user’s traits, so a report by trait of an old release still groups them', async () => {
    const { db, file } = await oldDatabase('015');
    const site = makeSite();
    const users: [string, Record<string, unknown>, number][] = [
      ['a', { city: 'Austin', beta: true }, 0],
      ['b', { city: 'Boston' }, 1],
      ['c', { city: 'Austin' }, 0],
    ];
    for (const [key, traits] of users) {
      const state = JSON.stringify({ ...emptyUserState(), traits });
      await db.insertInto('user_states').values({ site_id: site.id, user_key: key, state }).execute();
    }
    // 'd' was reached but has no state row (deleted since): it counts, in no city.
    for (const [key, , holdout] of [...users, ['d', {}, 0] as const]) {
      await db
        .insertInto('exposures')
        .values({ release_id: 'rel_old', user_key: key, site_id: site.id, phase: 0, holdout, at: at(0) })
        .execute();
    }
    await db.destroy();

    const store = await openSqliteStore(file);
    await store.migrate();
    const byCity = await store.reachCounts('rel_old', null, { kind: 'trait', name: 'city' });
    expect(byCity.sort((x, y) => String(x.key).localeCompare(String(y.key)))).toEqual([
      { key: 'Austin', holdout: false, users: 2, converted: 0 },
      { key: 'Boston', holdout: true, users: 1, converted: 0 },
      { key: null, holdout: false, users: 1, converted: 0 },
    ]);
    expect(await store.reachCounts('rel_old', null, { kind: 'trait', name: 'beta' })).toContainEqual({
      key: 'true',
      holdout: false,
      users: 1,
      converted: 0,
    });
    await store.close();
  });
});
