import { expect, it } from 'vitest';
import { eachStore } from '../support/both-stores.ts';
import { announcement, createSite, postServed, publishMessage, shownIds } from '../support/test-app.ts';

eachStore('POST /v1/decide', (t, kind) => {
  const event = (
    type: string,
    messageId: string,
    user: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => ({
    id: crypto.randomUUID(),
    type,
    messageId,
    at: t.clock.now.toISOString(),
    user,
    ...extra,
  });

  it('shows a message to a user inside its audience and not to one outside', async () => {
    const site = await createSite(t);
    const id = await publishMessage(t, site.id, announcement({ audience: { city: 'Austin' } }));
    expect(await shownIds(t, site, { id: 'u_1', traits: { city: 'Austin' } })).toEqual([id]);
    expect(await shownIds(t, site, { id: 'u_2', traits: { city: 'Boston' } })).toEqual([]);
  });

  it('tells a caller using another method what the endpoint takes, and still answers preflights', async () => {
    const get = await t.app.request('/v1/decide');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await get.json()).error.code).toBe('method_not_allowed');
    const preflight = await t.app.request('/v1/decide', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
  });

  it('returns the compiled safe tree in the user’s language', async () => {
    const site = await createSite(t);
    await publishMessage(
      t,
      site.id,
      announcement({
        content: {
          en: { title: 'Hello', body: 'Read **this** <script>alert(1)</script>' },
          de: { title: 'Hallo', body: 'Lies [das](javascript:alert(1))' },
        },
      }),
    );
    const res = await t.post('/v1/decide', {
      site: site.publicKey,
      user: { anonymousId: 'a_1' },
      context: { locale: 'de-AT' },
    });
    const message = res.body.messages[0];
    expect(message.content.title).toBe('Hallo');
    expect(JSON.stringify(message.content.body)).not.toContain('javascript:');
    const en = await t.post('/v1/decide', {
      site: site.publicKey,
      user: { anonymousId: 'a_1' },
      context: { locale: 'fr' },
    });
    expect(en.body.messages[0].content.body[0]).toEqual({
      t: 'p',
      c: ['Read ', { t: 'strong', c: ['this'] }, ' <script>alert(1)</script>'],
    });
  });

  // On edge each decide is a round trip to workerd (several ms), so fewer users there, bounds widened to
  // the same three standard deviations or so; bucketing itself is core, the same code on every kind.
  const rollout =
    kind === 'edge'
      ? { users: 1_000, at10: [70, 130], at30: [255, 345] }
      : { users: 10_000, at10: [900, 1100], at30: [2900, 3100] };
  it(`puts 10% of ${rollout.users.toLocaleString('en')} users inside a 10% rollout, and raising it to 30% keeps every one of them`, async () => {
    const site = await createSite(t);
    const id = await publishMessage(
      t,
      site.id,
      announcement({ rollout: { percent: 10 }, frequency: { mode: 'always' } }),
    );
    const users = Array.from({ length: rollout.users }, (_, i) => `anon-${i}`);
    const inside = async () => {
      const ins = new Set<string>();
      for (const u of users) if ((await shownIds(t, site, { anonymousId: u })).includes(id)) ins.add(u);
      return ins;
    };
    const at10 = await inside();
    expect(at10.size).toBeGreaterThanOrEqual(rollout.at10[0] as number);
    expect(at10.size).toBeLessThanOrEqual(rollout.at10[1] as number);
    expect((await t.api('PATCH', `/api/messages/${id}`, { rollout: { percent: 30 } })).status).toBe(200);
    const at30 = await inside();
    expect(at30.size).toBeGreaterThanOrEqual(rollout.at30[0] as number);
    expect(at30.size).toBeLessThanOrEqual(rollout.at30[1] as number);
    for (const u of at10) expect(at30.has(u)).toBe(true);
  }, 120_000);

  it('hides a message on pages its rules exclude', async () => {
    const site = await createSite(t);
    const id = await publishMessage(
      t,
      site.id,
      announcement({ pages: { include: ['/app/*'], exclude: ['/app/settings*'] } }),
    );
    const user = { anonymousId: 'a_1' };
    expect(await shownIds(t, site, user, { url: 'https://x.test/app/home?tab=1' })).toEqual([id]);
    expect(await shownIds(t, site, user, { url: 'https://x.test/app/settings/billing' })).toEqual([]);
    expect(await shownIds(t, site, user, { url: 'https://x.test/pricing' })).toEqual([]);
  });

  it('shows a `once` message until its first impression', async () => {
    const site = await createSite(t);
    const id = await publishMessage(t, site.id, announcement({ frequency: { mode: 'once' } }));
    const user = { id: 'u_1' };
    expect(await shownIds(t, site, user)).toEqual([id]);
    expect((await postServed(t, site, [event('impression', id, user)])).status).toBe(200);
    expect(await shownIds(t, site, user)).toEqual([]);
  });

  it('keeps an `untilDismissed` message through impressions and hides it after a dismissal, on every device', async () => {
    const site = await createSite(t);
    const id = await publishMessage(t, site.id, announcement({ frequency: { mode: 'untilDismissed' } }));
    const phone = { id: 'u_1', anonymousId: 'phone' };
    await postServed(t, site, [event('impression', id, phone)]);
    expect(await shownIds(t, site, phone)).toEqual([id]);
    await postServed(t, site, [event('dismiss', id, phone)]);
    expect(await shownIds(t, site, phone)).toEqual([]);
    expect(await shownIds(t, site, { id: 'u_1', anonymousId: 'laptop' })).toEqual([]);
  });

  it('keeps a dismissal made before sign-in after the user identifies', async () => {
    const site = await createSite(t);
    const id = await publishMessage(t, site.id, announcement());
    await postServed(t, site, [event('dismiss', id, { anonymousId: 'a_7' })]);
    expect(await shownIds(t, site, { id: 'u_7', anonymousId: 'a_7' })).toEqual([]);
  });

  it('shows a `times` message at most N times, at least everyDays apart', async () => {
    const site = await createSite(t);
    const id = await publishMessage(
      t,
      site.id,
      announcement({ frequency: { mode: 'times', times: 2, everyDays: 1 } }),
    );
    const user = { id: 'u_1' };
    await postServed(t, site, [event('impression', id, user)]);
    expect(await shownIds(t, site, user)).toEqual([]);
    t.clock.advance(25 * 3600_000);
    expect(await shownIds(t, site, user)).toEqual([id]);
    await postServed(t, site, [event('impression', id, user)]);
    t.clock.advance(25 * 3600_000);
    expect(await shownIds(t, site, user)).toEqual([]);
  });

  it('never asks an answered survey again', async () => {
    const site = await createSite(t);
    const id = await publishMessage(t, site.id, {
      ...announcement({ kind: 'survey', display: { style: 'slideout' } }),
      survey: { scale: 'stars5' },
      frequency: { mode: 'times', times: 5, everyDays: 0 },
    });
    const user = { id: 'u_1' };
    await postServed(t, site, [event('response', id, user, { value: 4 })]);
    expect(await shownIds(t, site, user)).toEqual([]);
  });

  it('limits interrupting messages with the site’s attention budget but lets banners through', async () => {
    const site = await createSite(t, { attention: { maxPerDay: 1, minGapMinutes: 60 } });
    const first = await publishMessage(t, site.id, announcement({ name: 'first', priority: 2 }));
    const second = await publishMessage(t, site.id, announcement({ name: 'second', priority: 1 }));
    const banner = await publishMessage(
      t,
      site.id,
      announcement({ name: 'banner', display: { style: 'banner' } }),
    );
    const user = { id: 'u_1' };
    expect(await shownIds(t, site, user)).toEqual([first, banner]);
    await postServed(t, site, [event('impression', first, user), event('dismiss', first, user)]);
    expect(await shownIds(t, site, user)).toEqual([banner]);
    t.clock.advance(25 * 3600_000);
    expect(await shownIds(t, site, user)).toEqual([second, banner]);
  });

  it('trusts a signed identity token over browser traits when verification is required', async () => {
    const site = await createSite(t, { identityVerification: 'required' });
    const id = await publishMessage(t, site.id, announcement({ audience: { city: 'Austin' } }));
    const { sign } = await import('hono/jwt');
    const token = await sign(
      { sub: 'u_9', traits: { city: 'Austin' }, exp: Math.floor(Date.now() / 1000) + 600 },
      site.secret,
      'HS256',
    );
    expect(await shownIds(t, site, { token, traits: { city: 'Boston' } })).toEqual([id]);
    const forged = await t.post('/v1/decide', {
      site: site.publicKey,
      user: { id: 'u_9', traits: { city: 'Austin' } },
    });
    expect(forged.status).toBe(401);
    const bad = await t.post('/v1/decide', { site: site.publicKey, user: { token: `${token}x` } });
    expect(bad.status).toBe(401);
  });

  it('refuses origins the site does not allow', async () => {
    const site = await createSite(t, { allowedOrigins: ['https://app.example.com'] });
    const ok = await t.post(
      '/v1/decide',
      { site: site.publicKey, user: { anonymousId: 'a' } },
      { origin: 'https://app.example.com' },
    );
    expect(ok.status).toBe(200);
    const no = await t.post(
      '/v1/decide',
      { site: site.publicKey, user: { anonymousId: 'a' } },
      { origin: 'https://evil.example' },
    );
    expect(no.status).toBe(403);
    expect(no.body.error.code).toBe('origin_not_allowed');
  });

  it('stops showing a message as soon as it is paused', async () => {
    const site = await createSite(t);
    const id = await publishMessage(t, site.id, announcement());
    expect(await shownIds(t, site, { id: 'u' })).toEqual([id]);
    await t.api('POST', `/api/messages/${id}/pause`);
    expect(await shownIds(t, site, { id: 'u' })).toEqual([]);
  });
});
