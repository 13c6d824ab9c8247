import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../../server/schema/site.ts';
import { type HttpServer, httpServer } from '../support/http-server.ts';
import {
  announcement,
  CLIENT_IP_HEADER,
  createSite,
  publishMessage,
  type TestApp,
  testApp,
} from '../support/test-app.ts';

const MINUTE = 60_000;
let t: TestApp;
let server: HttpServer;
let site: Site;

async function start(limits: Parameters<typeof testApp>[0]) {
  t = await testApp(limits);
  server = await httpServer(t.app.fetch);
  site = await createSite(t);
  await publishMessage(t, site.id, announcement());
}

afterEach(async () => {
  await server?.close();
  await t?.close();
});

/** One decide over HTTP from `address`, as a browser on another origin sends it. */
async function decide(address: string, user: Record<string, unknown> = { id: 'u_1' }, key = site.publicKey) {
  const res = await fetch(`${server.base}/v1/decide`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: 'https://shop.example',
      [CLIENT_IP_HEADER]: address,
    },
    body: JSON.stringify({ site: key, user, context: {} }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

describe('per-address limit on /v1/*', () => {
  beforeEach(() => start({ limits: { perAddress: { max: 20, windowMs: MINUTE } } }));

  it('answers a burst from one address with 429 and Retry-After, while other addresses are served', async () => {
    const burst = await Promise.all(Array.from({ length: 30 }, () => decide('203.0.113.9')));
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    const refused = burst.find((r) => r.status === 429);
    expect(refused?.body.error.code).toBe('rate_limited');
    // The test clock stands at 10:00:00, the start of a window: come back in a minute.
    expect(refused?.headers.get('retry-after')).toBe('60');
    // A browser on another origin may read the header, so the widget can wait that long.
    expect(refused?.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(refused?.headers.get('access-control-expose-headers')).toMatch(/retry-after/i);

    const others = await Promise.all(['198.51.100.1', '198.51.100.2'].map((a) => decide(a)));
    expect(others.map((r) => r.status)).toEqual([200, 200]);
    expect(others[0]?.body.messages).toHaveLength(1);

    t.clock.advance(MINUTE);
    expect((await decide('203.0.113.9')).status).toBe(200);
  });

  it('refuses a limited address whatever it sends, and stores nothing for it', async () => {
    for (let i = 0; i < 20; i++) await decide('203.0.113.9');
    const before = await t.store.countEvents();
    const res = await fetch(`${server.base}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', [CLIENT_IP_HEADER]: '203.0.113.9' },
      body: JSON.stringify({
        site: site.publicKey,
        events: [{ id: 'e1', type: 'goal', name: 'x', at: t.clock.now.toISOString(), user: { id: 'u_1' } }],
      }),
    });
    expect(res.status).toBe(429);
    expect(await t.store.countEvents()).toBe(before);
  });
});

describe('per-site limit', () => {
  beforeEach(() => start({ limits: { perSite: { max: 5, windowMs: MINUTE } } }));

  it('refuses a site over its limit from any address, and serves other sites', async () => {
    for (let i = 0; i < 5; i++) expect((await decide(`203.0.113.${i}`)).status).toBe(200);
    const refused = await decide('198.51.100.7');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    const other = await createSite(t, { name: 'Other' });
    expect((await decide('198.51.100.7', { id: 'u_1' }, other.publicKey)).status).toBe(200);
  });
});

describe('new anonymous users per address', () => {
  beforeEach(() => start({ limits: { newAnonymousPerAddress: { max: 5, windowMs: MINUTE } } }));

  it('caps anonymous users never seen before, but not known or identified users, nor other addresses', async () => {
    for (let i = 0; i < 5; i++)
      expect((await decide('203.0.113.9', { anonymousId: `anon-${i}` })).status).toBe(200);
    const sixth = await decide('203.0.113.9', { anonymousId: 'anon-5' });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('too_many_new_users');
    expect(sixth.headers.get('retry-after')).toBe('60');

    // A user the site knows (their traits are stored) and a signed-in user are not new anonymous users.
    await t.store.saveTraits(site.id, 'anon-known', { plan: 'pro' }, t.clock.now.toISOString());
    expect((await decide('203.0.113.9', { anonymousId: 'anon-known' })).status).toBe(200);
    expect((await decide('203.0.113.9', { id: 'user-42' })).status).toBe(200);
    expect((await decide('198.51.100.1', { anonymousId: 'anon-6' })).status).toBe(200);
  });
});
