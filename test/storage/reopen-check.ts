import { expect } from 'vitest';
import type { Store } from '../../server/store/store.ts';
import { at, makeEvent, makeMessage, makeSite } from './fixtures.ts';

/**
 * Writes a site, a live message, a dismissal and traits through a store from `open`, closes it, and checks
 * that a second store from `open` (the same database) reads every one of them back: what a restart keeps.
 *
 * @example await checkKeptAcrossReopen(() => openStore(url))
 */
export async function checkKeptAcrossReopen(open: () => Promise<Store>): Promise<void> {
  const site = makeSite();
  const message = makeMessage(site.id, { status: 'live' });
  const first = await open();
  await first.createSite(site);
  await first.createMessage(message);
  await first.insertEvents([
    makeEvent({ siteId: site.id, type: 'dismiss', messageId: message.id, at: at(1) }),
  ]);
  await first.saveTraits(site.id, 'anon_1', { city: 'Austin' }, at(1));
  await first.close();

  const again = await open();
  expect(await again.getSite(site.id)).toEqual(site);
  expect(await again.liveMessages(site.id)).toEqual([message]);
  expect(await again.countEvents(site.id)).toBe(1);
  const state = await again.getUserState(site.id, ['anon_1']);
  expect(state?.traits).toEqual({ city: 'Austin' });
  expect(state?.messages[message.id]?.dismissedAt).toBe(at(1));
  await again.close();
}
