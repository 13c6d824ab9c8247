import { describe, expect, it } from 'vitest';
import { emptyUserState } from '../../server/core/history.ts';
import { eventRow } from '../../server/store/rows.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import type { StoredEvent } from '../../server/store/store.ts';
import { at, makeEvent, makeSite } from './fixtures.ts';
import { oldDatabase } from './old-database.ts';
import { oracleResults } from './rollup-oracle.ts';

describe('migration 008 (rollups)', () => {
  it('rolls up the events stored before it, so an old database gives the same results and goals', async () => {
    const { db, file } = await oldDatabase('008');
    const site = makeSite();
    const traits = new Map<string, Record<string, unknown>>([
      ['a', { city: 'Austin' }],
      ['b', { city: 'Boston' }],
      ['c', {}],
    ]);
    for (const [key, t] of traits) {
      const state = JSON.stringify({ ...emptyUserState(), traits: t });
      await db.insertInto('user_states').values({ site_id: site.id, user_key: key, state }).execute();
    }
    const e = (userKey: string, input: Partial<StoredEvent> & Pick<StoredEvent, 'type'>) =>
      makeEvent({ siteId: site.id, userKey, messageId: 'msg_old', ...input });
    const events = [
      e('a', { type: 'impression', at: at(1), phase: 'Pilot' }),
      e('a', { type: 'impression', at: at(2), phase: 'Pilot' }),
      e('a', { type: 'response', value: 2, at: at(3), phase: 'Pilot' }),
      e('a', { type: 'response', value: 5, at: at(4), phase: 'Pilot' }),
      e('b', { type: 'impression', at: at(5), phase: 'Texas' }),
      e('b', { type: 'click', at: at(6), phase: 'Texas' }),
      e('c', { type: 'impression', at: at(7) }),
      e('c', { type: 'dismiss', at: at(8) }),
      e('a', { type: 'track', messageId: undefined, name: 'reserved', at: at(9) }),
    ];
    await db.insertInto('events').values(events.map(eventRow)).execute();
    await db
      .insertInto('exposures')
      .values({ release_id: 'rel_old', user_key: 'a', site_id: site.id, phase: 0, holdout: 0, at: at(0) })
      .execute();
    await db.destroy();

    const store = await openSqliteStore(file);
    await store.migrate();
    for (const by of [null, { kind: 'phase' }, { kind: 'trait', name: 'city' }] as const) {
      expect(await store.results('msg_old', by)).toEqual(oracleResults(events, 'msg_old', traits, by));
    }
    expect(await store.reachCounts('rel_old', 'reserved', { kind: 'phase' })).toEqual([
      { key: '0', holdout: false, users: 1, converted: 1 },
    ]);
    await store.close();
  });
});
