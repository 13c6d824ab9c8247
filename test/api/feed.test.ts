import { describe, expect, it } from 'vitest';
import { announcement, createSite, eachTestApp, postServed, publishMessage } from '../support/test-app.ts';

const t = eachTestApp();

const austin = { id: 'u_austin', traits: { city: 'Austin' } };
const boston = { id: 'u_boston', traits: { city: 'Boston' } };

type Site = Awaited<ReturnType<typeof createSite>>;
const decide = (site: Site, user: object) => t.post('/v1/decide', { site: site.publicKey, user });
const feed = (site: Site, user: object) => t.post('/v1/feed', { site: site.publicKey, user });
const post = (title: string, fields: Record<string, unknown> = {}) =>
  announcement({ name: title, feed: true, content: { en: { title, body: 'News.' } }, ...fields });

describe('the changelog feed', () => {
  it('gives no unread count, so no launcher and no UI download, to a user with no posts', async () => {
    const site = await createSite(t);
    await publishMessage(t, site.id, post('Austin only', { audience: { city: 'Austin' } }));
    const res = await decide(site, boston);
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('feedUnread');
    expect((await feed(site, boston)).body).toEqual({ posts: [], unread: 0 });
  });

  it('lists a user’s posts newest first, unread until seen, and counts them in decide', async () => {
    const site = await createSite(t);
    const first = await publishMessage(t, site.id, post('Reserve ahead'));
    t.clock.advance(60_000);
    const second = await publishMessage(t, site.id, post('Austin pricing', { audience: { city: 'Austin' } }));

    expect((await decide(site, austin)).body.feedUnread).toBe(2);
    const listed = (await feed(site, austin)).body;
    expect(listed.posts.map((p: { id: string }) => p.id)).toEqual([second, first]);
    expect(listed.posts[0].content.title).toBe('Austin pricing');
    expect(listed.unread).toBe(2);

    const seen = {
      id: crypto.randomUUID(),
      type: 'impression',
      messageId: second,
      at: t.clock.now.toISOString(),
      user: austin,
    };
    expect((await postServed(t, site, [seen])).status).toBe(200);
    const after = (await feed(site, austin)).body;
    expect(after.posts.map((p: { read: boolean }) => p.read)).toEqual([true, false]);
    expect(after.unread).toBe(1);
    expect((await decide(site, austin)).body.feedUnread).toBe(1);
    expect((await decide(site, boston)).body.feedUnread).toBe(1);
  });

  it('keeps a scheduled post out until its start', async () => {
    const site = await createSite(t);
    const start = new Date(t.clock.now.getTime() + 3_600_000).toISOString();
    await publishMessage(t, site.id, post('Coming soon', { schedule: { start } }));
    expect((await feed(site, austin)).body.posts).toEqual([]);
    t.clock.advance(3_600_001);
    expect((await feed(site, austin)).body.posts).toHaveLength(1);
  });
});
