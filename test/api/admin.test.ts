import { describe, expect, it } from 'vitest';
import type { Site } from '../../server/schema/site.ts';
import { announcement, createSite, eachTestApp, postServed, publishMessage } from '../support/test-app.ts';

const t = eachTestApp();

/** Posts one event of user `userId` on a message, with the receipt decide gave them, as the widget does. */
function served(site: Site, type: string, messageId: string, userId: string) {
  const event = {
    id: crypto.randomUUID(),
    type,
    messageId,
    at: '2026-11-26T09:00:00Z',
    user: { id: userId },
  };
  return postServed(t, site, [event]);
}

describe('messages', () => {
  it('creates messages as drafts, which decide does not show until published', async () => {
    const site = await createSite(t);
    const created = await t.api('POST', `/api/sites/${site.id}/messages`, announcement());
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    const decide = () => t.post('/v1/decide', { site: site.publicKey, user: { anonymousId: 'a' } });
    expect((await decide()).body.messages).toEqual([]);
    await t.api('POST', `/api/messages/${created.body.id}/publish`);
    expect((await decide()).body.messages.map((m: { id: string }) => m.id)).toEqual([created.body.id]);
  });

  it('rejects an invalid audience when the message is saved, naming the field', async () => {
    const site = await createSite(t);
    const res = await t.api(
      'POST',
      `/api/sites/${site.id}/messages`,
      announcement({ audience: { city: { $in: 'Austin' } } }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields.audience).toContain('city.$in');
    expect((await t.api('GET', `/api/sites/${site.id}/messages`)).body.messages).toEqual([]);
  });

  it.each([
    ['a tooltip without an anchor', { kind: 'tooltip' }, 'display'],
    ['a survey without a scale', { kind: 'survey' }, 'survey'],
    [
      'a CTA to a javascript: URL',
      { content: { en: { title: 'x', cta: { label: 'Go', url: 'javascript:alert(1)' } } } },
      'content.en.cta.url',
    ],
    [
      'an end before the start',
      { schedule: { start: '2026-12-01T00:00:00Z', end: '2026-11-01T00:00:00Z' } },
      'schedule.end',
    ],
    ['an unknown field', { colour: 'red' }, '(body)'],
    ['a missing title', { content: { en: { body: 'x' } } }, 'content.en.title'],
  ])('rejects %s', async (_name, overrides, field) => {
    const site = await createSite(t);
    const res = await t.api('POST', `/api/sites/${site.id}/messages`, { ...announcement(), ...overrides });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain(field);
  });

  it('keeps fields a PATCH leaves out', async () => {
    const site = await createSite(t);
    const id = await publishMessage(t, site.id, announcement({ audience: { plan: 'pro' }, priority: 7 }));
    const res = await t.api('PATCH', `/api/messages/${id}`, { name: 'Renamed' });
    expect(res.body).toMatchObject({
      name: 'Renamed',
      audience: { plan: 'pro' },
      priority: 7,
      status: 'live',
    });
  });

  it('refuses a lifecycle step that does not apply', async () => {
    const site = await createSite(t);
    const id = await publishMessage(t, site.id, announcement());
    expect((await t.api('POST', `/api/messages/${id}/archive`)).body.status).toBe('archived');
    const res = await t.api('POST', `/api/messages/${id}/publish`);
    expect(res.status).toBe(409);
  });

  it('deletes a message with its events', async () => {
    const site = await createSite(t);
    const id = await publishMessage(t, site.id, announcement());
    await served(site, 'impression', id, 'u');
    expect((await t.api('DELETE', `/api/messages/${id}`)).status).toBe(204);
    expect((await t.api('GET', `/api/messages/${id}`)).status).toBe(404);
    expect(await t.store.countEvents(site.id)).toBe(0);
  });
});

describe('preview', () => {
  it('explains why a sample user would not see a message', async () => {
    const site = await createSite(t);
    const created = await t.api(
      'POST',
      `/api/sites/${site.id}/messages`,
      announcement({ audience: { city: 'Austin' } }),
    );
    const preview = (traits: Record<string, unknown>) =>
      t.api('POST', `/api/sites/${site.id}/preview`, { messageId: created.body.id, user: { traits } });
    expect((await preview({ city: 'Austin' })).body).toEqual({
      show: true,
      reason: null,
      detail: null,
      release: null,
    });
    const hidden = await preview({ city: 'Boston' });
    expect(hidden.body).toMatchObject({ show: false, reason: 'not-in-audience' });
    expect(hidden.body.detail).toMatch(/audience/);
  });

  it('explains a page rule and a dismissal', async () => {
    const site = await createSite(t);
    const id = await publishMessage(
      t,
      site.id,
      announcement({ pages: { include: ['/app/*'], exclude: [] } }),
    );
    const off = await t.api('POST', `/api/sites/${site.id}/preview`, {
      messageId: id,
      context: { url: 'https://x/pricing' },
    });
    expect(off.body.reason).toBe('page-excluded');
    await served(site, 'dismiss', id, 'u_1');
    const seen = await t.api('POST', `/api/sites/${site.id}/preview`, { messageId: id, user: { id: 'u_1' } });
    expect(seen.body.reason).toBe('dismissed');
  });
});

describe('sites and releases', () => {
  it('gives a new site its keys and lets it be changed', async () => {
    const site = await createSite(t);
    expect(site.publicKey).toMatch(/^pk_/);
    expect(site.secret).toMatch(/^sk_/);
    const res = await t.api('PATCH', `/api/sites/${site.id}`, {
      allowedOrigins: ['https://app.example.com'],
    });
    expect(res.body.allowedOrigins).toEqual(['https://app.example.com']);
    expect(
      (await t.api('PATCH', `/api/sites/${site.id}`, { allowedOrigins: ['not an origin'] })).status,
    ).toBe(400);
  });

  it('creates a release as a draft and keeps its key unique', async () => {
    const site = await createSite(t);
    const input = {
      key: 'reserve-ahead',
      name: 'Reserve ahead',
      phases: [{ name: 'Pilot', audience: { city: 'Austin' }, percent: 10 }],
    };
    const created = await t.api('POST', `/api/sites/${site.id}/releases`, input);
    expect(created.body).toMatchObject({ status: 'draft', currentPhase: -1 });
    expect((await t.api('POST', `/api/sites/${site.id}/releases`, input)).status).toBe(409);
    const bad = await t.api('POST', `/api/sites/${site.id}/releases`, {
      ...input,
      key: 'other',
      phases: [{ name: 'x', audience: { $foo: 1 }, percent: 5 }],
    });
    expect(bad.status).toBe(400);
  });
});

describe('API documentation', () => {
  it('publishes an OpenAPI document generated from the schemas', async () => {
    const res = await t.app.request('/openapi.json');
    const doc = await res.json();
    expect(
      doc.paths['/v1/decide'].post.requestBody.content['application/json'].schema.properties.site,
    ).toBeDefined();
    expect(Object.keys(doc.paths)).toContain('/api/messages/{id}/results');
    const docs = await t.app.request('/docs');
    expect(await docs.text()).toContain('/v1/events');
  });
});
