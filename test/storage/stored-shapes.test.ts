import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../server/store/open-store.ts';
import { STORES, type StoreKind } from '../support/both-stores.ts';
import { pgSchema } from '../support/pg-schema.ts';
import { at, makeEvent, makeSite } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'herald-shapes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A migrated store of `kind`, and a way to write a `user_states` row behind its back, as older code did. */
async function storeWithRawRows(kind: StoreKind) {
  if (kind === 'sqlite') {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.db`);
    const store = await openStore(`sqlite:${file}`);
    await store.migrate();
    const raw = new Database(file);
    return {
      store,
      write: async (siteId: string, userKey: string, state: string) => {
        raw
          .prepare('insert into user_states (site_id, user_key, state) values (?, ?, ?)')
          .run(siteId, userKey, state);
      },
      close: async () => {
        raw.close();
        await store.close();
      },
    };
  }
  const db = await pgSchema();
  const store = await openStore(db.url);
  await store.migrate();
  const raw = new Client({ connectionString: db.url });
  await raw.connect();
  return {
    store,
    write: async (siteId: string, userKey: string, state: string) => {
      await raw.query('insert into user_states (site_id, user_key, state) values ($1, $2, $3)', [
        siteId,
        userKey,
        state,
      ]);
    },
    close: async () => {
      await raw.end();
      await store.close();
      await db.drop();
    },
  };
}

/** Sixty traits: more than today's bound, as a row written before the bound existed may hold. */
const manyTraits = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`t${i}`, i]));

describe.each(STORES)('stored user states on %s', (kind) => {
  it('reads a state stored before exposures were recorded, and keeps adding events to it', async () => {
    const t = await storeWithRawRows(kind);
    const site = makeSite();
    await t.store.createSite(site);
    const history = {
      impressions: 2,
      firstSeenAt: at(0),
      lastSeenAt: at(1),
      dismissedAt: null,
      clickedAt: null,
      respondedAt: null,
    };
    const old = {
      traits: manyTraits,
      messages: { msg_1: history },
      interruptions: [at(1)],
      lastSeenAt: at(1),
    };
    await t.write(site.id, 'anon_old', JSON.stringify(old));
    expect(await t.store.getUserState(site.id, ['anon_old'])).toEqual(old);

    await t.store.insertEvents([
      makeEvent({ siteId: site.id, userKey: 'anon_old', type: 'impression', messageId: 'msg_1', at: at(5) }),
    ]);
    const state = await t.store.getUserState(site.id, ['anon_old']);
    expect(state?.messages.msg_1).toMatchObject({ impressions: 3, firstSeenAt: at(0), lastSeenAt: at(5) });
    expect(state?.traits).toEqual(manyTraits);
    await t.close();
  });

  it('refuses a row that is not a user state instead of deciding on it, and stores none of its user’s events', async () => {
    const t = await storeWithRawRows(kind);
    const site = makeSite();
    await t.store.createSite(site);
    await t.write(
      site.id,
      'anon_bad',
      JSON.stringify({ traits: {}, messages: { msg_1: { impressions: 'many' } } }),
    );
    await expect(t.store.getUserState(site.id, ['anon_bad'])).rejects.toThrow(/impressions/);
    const events = [makeEvent({ siteId: site.id, userKey: 'anon_bad', type: 'dismiss', messageId: 'msg_1' })];
    await expect(t.store.insertEvents(events)).rejects.toThrow();
    expect(await t.store.countEvents(site.id)).toBe(0);
    await t.close();
  });
});
