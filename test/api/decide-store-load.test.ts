import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/store.ts';
import {
  announcement,
  createSite,
  publishMessage,
  shownIds,
  type TestApp,
  testApp,
} from '../support/test-app.ts';

/** What reached the database underneath the app (and its user-state cache), by store method. */
let reached: Map<string, number>;
const counted = (store: Store): Store =>
  new Proxy(store, {
    get(target, name) {
      const value = Reflect.get(target, name);
      if (
        typeof value !== 'function' ||
        !['getUserState', 'saveTraits', 'recordExposures'].includes(String(name))
      )
        return value;
      return (...args: unknown[]) => {
        reached.set(String(name), (reached.get(String(name)) ?? 0) + 1);
        return value.apply(target, args);
      };
    },
  });

let t: TestApp;
beforeEach(async () => {
  reached = new Map();
  t = await testApp({}, counted);
});
afterEach(async () => {
  await t.close();
});

describe('POST /v1/decide and the database', () => {
  it('reads a returning user once and writes nothing for them until something is new', async () => {
    const site = await createSite(t);
    const id = await publishMessage(t, site.id, announcement({ audience: { city: 'Austin' } }));
    const austin = { id: 'u_1', traits: { city: 'Austin' } };
    expect(await shownIds(t, site, austin)).toEqual([id]); // first sight: traits are stored
    expect(await shownIds(t, site, austin)).toEqual([id]); // read once after that write
    reached.clear();
    for (let i = 0; i < 20; i++) expect(await shownIds(t, site, austin)).toEqual([id]);
    expect(Object.fromEntries(reached)).toEqual({});

    // New traits are remembered, and the next decide sees them.
    expect(await shownIds(t, site, { id: 'u_1', traits: { city: 'Boston' } })).toEqual([]);
    expect(reached.get('saveTraits')).toBe(1);
    expect(await shownIds(t, site, { id: 'u_1' })).toEqual([]);
  });
});
