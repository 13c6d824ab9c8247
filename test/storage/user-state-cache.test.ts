import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgChanges } from '../../server/node/pg-changes.ts';
import { openStore } from '../../server/store/open-store.ts';
import type { Store } from '../../server/store/store.ts';
import { cachedUserStates } from '../../server/store/user-state-cache.ts';
import { sleep } from '../support/herald-process.ts';
import { pgProblem, pgSchema } from '../support/pg-schema.ts';
import { at, makeEvent, makeMessage, makeSite } from './fixtures.ts';

const problem = await pgProblem();

describe('user states cached in memory (SQLite)', () => {
  let dir: string;
  let raw: Store;
  let store: Store;
  const site = makeSite();
  const message = makeMessage(site.id);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'herald-cache-'));
    raw = await openStore(`sqlite:${join(dir, 'h.db')}`);
    await raw.createSite(site);
    await raw.createMessage(message);
    store = cachedUserStates(raw, { max: 2 });
  });
  afterAll(async () => {
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a returning user from memory: a write that bypasses it is not seen', async () => {
    await store.saveTraits(site.id, 'u_mem', { plan: 'free' }, at(0));
    expect((await store.getUserState(site.id, ['u_mem']))?.traits).toEqual({ plan: 'free' });
    await raw.saveTraits(site.id, 'u_mem', { plan: 'pro' }, at(1));
    expect((await store.getUserState(site.id, ['u_mem']))?.traits).toEqual({ plan: 'free' });
  });

  it('sees new traits, a first exposure and a dismissal written through it at once', async () => {
    await store.saveTraits(site.id, 'u_1', { city: 'Austin' }, at(0));
    expect((await store.getUserState(site.id, ['u_1']))?.traits).toEqual({ city: 'Austin' });
    await store.saveTraits(site.id, 'u_1', { city: 'Dallas' }, at(1));
    expect((await store.getUserState(site.id, ['u_1']))?.traits).toEqual({ city: 'Dallas' });

    await store.recordExposures(site.id, 'u_1', [{ releaseId: 'rel_1', phase: 0, holdout: false }], at(2));
    expect((await store.getUserState(site.id, ['u_1']))?.exposures?.rel_1?.phase).toBe(0);

    const dismissal = makeEvent({ siteId: site.id, type: 'dismiss', messageId: message.id, userKey: 'u_1' });
    await store.insertEvents([{ ...dismissal, user: { id: 'u_1' } }]);
    expect((await store.getUserState(site.id, ['u_1']))?.messages[message.id]?.dismissedAt).not.toBeNull();
  });

  it('drops an identified user merged with an anonymous id when either of them changes', async () => {
    await store.saveTraits(site.id, 'a_9', { plan: 'free' }, at(0));
    expect((await store.getUserState(site.id, ['u_9', 'a_9']))?.traits).toEqual({ plan: 'free' });
    await store.saveTraits(site.id, 'a_9', { plan: 'plus' }, at(1));
    expect((await store.getUserState(site.id, ['u_9', 'a_9']))?.traits).toEqual({ plan: 'plus' });
  });

  it('stays correct past its bound, reading evicted users again', async () => {
    for (const key of ['u_a', 'u_b', 'u_c', 'u_d']) await store.saveTraits(site.id, key, { key }, at(0));
    for (const key of ['u_a', 'u_b', 'u_c', 'u_d', 'u_a'])
      expect((await store.getUserState(site.id, [key]))?.traits).toEqual({ key });
    expect(await store.getUserState(site.id, ['nobody'])).toBeNull();
  });
});

describe.skipIf(problem !== null)('user states cached on two instances (PostgreSQL LISTEN/NOTIFY)', () => {
  let db: Awaited<ReturnType<typeof pgSchema>>;
  const closers: (() => Promise<void>)[] = [];
  const site = makeSite();

  async function instance(): Promise<Store> {
    const raw = await openStore(db.url);
    const feed = await pgChanges(db.url, () => {});
    closers.push(
      () => feed.close(),
      () => raw.close(),
    );
    return cachedUserStates(raw, { max: 1000, feed });
  }

  beforeAll(async () => {
    db = await pgSchema();
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await db?.drop();
  });

  it('drops a user cached on one instance when another instance changes them', async () => {
    const a = await instance();
    const b = await instance();
    await a.createSite(site);
    await b.saveTraits(site.id, 'u_1', { city: 'Austin' }, at(0));
    expect((await a.getUserState(site.id, ['u_1']))?.traits).toEqual({ city: 'Austin' });
    await b.saveTraits(site.id, 'u_1', { city: 'Dallas' }, at(1));
    let seen: unknown;
    for (let i = 0; i < 100; i++) {
      seen = (await a.getUserState(site.id, ['u_1']))?.traits;
      if ((seen as { city?: string })?.city === 'Dallas') break;
      await sleep(50);
    }
    expect(seen).toEqual({ city: 'Dallas' });
  });

  it('drops every user changed together on another instance, however many the notices must carry', async () => {
    const a = await instance();
    const b = await instance();
    const many = makeSite();
    await a.createSite(many);
    // Long keys, so that the changed users need more than one NOTIFY payload (each under 8,000 bytes).
    const keys = Array.from({ length: 300 }, (_, i) => `u_${i}_${'k'.repeat(60)}`);
    await Promise.all(keys.map((key) => b.saveTraits(many.id, key, { city: 'Austin' }, at(0))));
    for (const key of keys)
      expect((await a.getUserState(many.id, [key]))?.traits).toEqual({ city: 'Austin' });
    // Changed in one turn of the event loop on b: a holds every one of them and must drop them all.
    await Promise.all(keys.map((key) => b.saveTraits(many.id, key, { city: 'Dallas' }, at(1))));
    const stale = async () => {
      const states = await Promise.all(keys.map((key) => a.getUserState(many.id, [key])));
      return states.filter((state) => state?.traits.city !== 'Dallas').length;
    };
    let left = await stale();
    for (let i = 0; i < 100 && left > 0; i++) {
      await sleep(50);
      left = await stale();
    }
    expect(left).toBe(0);
  });
});
