import { describe, expect, it } from 'vitest';
import { announcement, createSite, eachTestApp, postServed, publishMessage } from '../support/test-app.ts';

const t = eachTestApp();

const ev = (
  type: string,
  messageId: string,
  user: Record<string, unknown>,
  at: string,
  extra: Record<string, unknown> = {},
) => ({
  id: crypto.randomUUID(),
  type,
  messageId,
  at,
  user,
  ...extra,
});

describe('admin insights', () => {
  it('charts a message’s activity per day, with quiet days as zeros', async () => {
    const site = await createSite(t);
    const id = await publishMessage(t, site.id, announcement());
    const events = [
      ev('impression', id, { id: 'u1' }, '2026-11-24T08:00:00Z'),
      ev('impression', id, { id: 'u2' }, '2026-11-26T08:00:00Z'),
      ev('click', id, { id: 'u2' }, '2026-11-26T08:01:00Z'),
    ];
    await postServed(t, site, events);
    const res = await t.api('GET', `/api/messages/${id}/timeseries?bucket=day&days=3`);
    expect(
      res.body.points.map((p: { t: string; impressions: number; clicks: number }) => [
        p.t.slice(0, 10),
        p.impressions,
        p.clicks,
      ]),
    ).toEqual([
      ['2026-11-23', 0, 0],
      ['2026-11-24', 1, 0],
      ['2026-11-25', 0, 0],
      ['2026-11-26', 1, 1],
    ]);
  });

  it('gives every message of a site its daily impressions for the list', async () => {
    const site = await createSite(t);
    const a = await publishMessage(t, site.id, announcement({ name: 'a' }));
    const b = await publishMessage(t, site.id, announcement({ name: 'b' }));
    await postServed(t, site, [ev('impression', a, { id: 'u' }, '2026-11-26T01:00:00Z')]);
    const res = await t.api('GET', `/api/sites/${site.id}/trends?days=3`);
    expect(res.body.days).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(res.body.messages[a]).toEqual([0, 0, 1]);
    expect(res.body.messages[b]).toEqual([0, 0, 0]);
  });

  it('estimates how many known users an audience matches', async () => {
    const site = await createSite(t);
    for (const [id, city] of [
      ['u1', 'Austin'],
      ['u2', 'Austin'],
      ['u3', 'Boston'],
    ]) {
      await t.post('/v1/decide', { site: site.publicKey, user: { id, traits: { city } } });
    }
    const res = await t.api('POST', `/api/sites/${site.id}/audience-estimate`, {
      audience: { city: 'Austin' },
    });
    expect(res.body).toEqual({ matching: 2, known: 3, audience: 2 });
    const bad = await t.api('POST', `/api/sites/${site.id}/audience-estimate`, {
      audience: { city: { $in: 1 } },
    });
    expect(bad.status).toBe(400);
  });

  it('looks a user up: traits, what they saw, dismissed and answered, and why a message is hidden', async () => {
    const site = await createSite(t);
    const modal = await publishMessage(t, site.id, announcement({ name: 'modal' }));
    const survey = await publishMessage(t, site.id, {
      ...announcement({ kind: 'survey', name: 'survey', display: { style: 'slideout' } }),
      survey: { scale: 'stars5' },
    });
    const boston = await publishMessage(
      t,
      site.id,
      announcement({ name: 'boston only', audience: { city: 'Boston' } }),
    );
    await t.post('/v1/decide', { site: site.publicKey, user: { id: 'u_42', traits: { city: 'Austin' } } });
    const user = { id: 'u_42' };
    const events = [
      ev('impression', modal, user, '2026-11-26T09:00:00Z'),
      ev('dismiss', modal, user, '2026-11-26T09:00:05Z'),
      ev('response', survey, user, '2026-11-26T09:01:00Z', { value: 4, text: 'Nice' }),
    ];
    await postServed(t, site, events);
    const res = await t.api('GET', `/api/sites/${site.id}/users/u_42`);
    expect(res.body.traits).toEqual({ city: 'Austin' });
    const byName = Object.fromEntries(res.body.messages.map((m: { name: string }) => [m.name, m]));
    expect(byName.modal).toMatchObject({
      impressions: 1,
      dismissedAt: '2026-11-26T09:00:05Z',
      shown: false,
      reason: 'dismissed',
    });
    expect(byName.survey).toMatchObject({
      responses: [{ value: 4, text: 'Nice' }],
      shown: false,
      reason: 'answered',
    });
    expect(byName['boston only']).toMatchObject({ id: boston, shown: false, reason: 'not-in-audience' });
    expect((await t.api('GET', `/api/sites/${site.id}/users/nobody`)).status).toBe(404);
  });

  it('says a user was last seen at their latest goal, which leaves their state as it was', async () => {
    const site = await createSite(t);
    const modal = await publishMessage(t, site.id, announcement({ name: 'modal' }));
    await t.post('/v1/decide', { site: site.publicKey, user: { id: 'u_7', traits: { city: 'Austin' } } });
    const user = { id: 'u_7' };
    await postServed(t, site, [ev('impression', modal, user, '2026-11-26T09:00:00.000Z')]);
    const before = await t.store.getUserState(site.id, ['u_7']);
    expect(before?.lastSeenAt).toBe('2026-11-26T10:00:00.000Z');
    t.clock.advance(3_600_000);
    const goal = {
      id: crypto.randomUUID(),
      type: 'goal',
      name: 'reserved',
      at: '2026-11-26T10:30:00.000Z',
      user,
    };
    expect((await t.post('/v1/events', { site: site.publicKey, events: [goal] })).body).toMatchObject({
      accepted: 1,
    });
    // The goal is counted where goals are read, and the state decide reads is unchanged.
    expect(await t.store.getUserState(site.id, ['u_7'])).toEqual(before);
    const res = await t.api('GET', `/api/sites/${site.id}/users/u_7`);
    expect(res.body.lastSeenAt).toBe('2026-11-26T10:30:00.000Z');
  });
});
