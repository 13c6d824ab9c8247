import { expect, it } from 'vitest';
import { eachStore } from '../support/both-stores.ts';
import { announcement, createRelease, createSite, publishMessage } from '../support/test-app.ts';

/** Requests in flight at once: more than one isolate's worth of work in every wave. */
const AT_ONCE = 12;

/**
 * Many users at once, as a busy page sees them: each decides (new traits, a release's first exposure: the
 * writes a decide makes) and sends the impression it was served, all at the same time. On the Worker this
 * is what once hung: requests of one isolate waiting on a promise another request made (a shared
 * transaction lock, group commit or first-request set-up), which workerd cancels.
 */
eachStore('concurrent requests', (t) => {
  it(`answers ${AT_ONCE} decides and their events sent at once, and stores every event`, async () => {
    const site = await createSite(t);
    const release = await createRelease(t, site.id, { name: 'Offline mode', key: 'offline-mode' });
    expect((await t.api('POST', `/api/releases/${release.id}/advance`)).status).toBe(200);
    const id = await publishMessage(t, site.id, announcement({ releaseId: release.id }));

    const visit = async (i: number) => {
      const user = { id: `u_${i}`, traits: { city: i % 2 ? 'Austin' : 'Boston' } };
      const decided = await t.post('/v1/decide', { site: site.publicKey, user });
      expect(decided.status).toBe(200);
      expect(decided.body.releases['offline-mode'].enabled).toBe(true);
      const served = decided.body.messages.find((m: { id: string }) => m.id === id);
      const event = {
        id: crypto.randomUUID(),
        type: 'impression',
        messageId: id,
        at: t.clock.now.toISOString(),
      };
      const stored = await t.post('/v1/events', {
        site: site.publicKey,
        events: [{ ...event, user: { id: user.id }, receipt: served.receipt }],
      });
      expect(stored.body).toEqual({ accepted: 1, duplicates: 0 });
    };
    // Two waves: the first meets a cold instance (its first load of the site), the second a warm one.
    await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => visit(i)));
    await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => visit(AT_ONCE + i)));

    const results = (await t.api('GET', `/api/messages/${id}/results`)).body;
    expect(results.impressions).toBe(2 * AT_ONCE);
    const lookup = (await t.api('GET', `/api/sites/${site.id}/users/u_3`)).body;
    expect(lookup.releases.map((r: { key: string; enabled: boolean }) => [r.key, r.enabled])).toEqual([
      ['offline-mode', true],
    ]);
  });
});
