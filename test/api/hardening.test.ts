import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from '../../server/schema/site.ts';
import { type HttpServer, httpServer } from '../support/http-server.ts';
import {
  announcement,
  createSite,
  publishMessage,
  type TestApp,
  TOKEN,
  testApp,
} from '../support/test-app.ts';

let t: TestApp;
let server: HttpServer;
let site: Site;
beforeAll(async () => {
  t = await testApp();
  server = await httpServer(t.app.fetch);
  site = await createSite(t);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

const THREE_MB = 'x'.repeat(3 * 1024 * 1024);

/** Sends `body` over a real socket, chunked (no Content-Length) when asked; resolves with status and body. */
function send(path: string, body: string, chunked = false): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.base}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    if (!chunked) req.setHeader('content-length', Buffer.byteLength(body));
    // Written in 64 KB pieces, as a slow client would, so the server answers while bytes are still coming.
    for (let i = 0; i < body.length; i += 65_536) req.write(body.slice(i, i + 65_536));
    req.end();
  });
}

describe('bodies over the limit', () => {
  it.each([
    ['/v1/decide', false],
    ['/v1/events', false],
    ['/v1/decide', true],
    ['/api/sites', false],
    ['/api/sites', true],
  ])(
    'answers a 3 MB body to %s (chunked: %s) with a 413 the client reads, every time',
    async (path, chunked) => {
      for (let i = 0; i < 10; i++) {
        const res = await send(path, THREE_MB, chunked);
        expect(res.status).toBe(413);
        expect(res.body.error.code).toBe('payload_too_large');
      }
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    },
  );

  it('answers 3 MB bodies sent at once by fetch with 413, none with a reset connection', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(`${server.base}/v1/decide`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: THREE_MB,
        })
          .then(async (r) => `${r.status} ${((await r.json()) as any).error.code}`)
          .catch((e: Error) => `failed: ${(e.cause as Error)?.message ?? e.message}`),
      ),
    );
    expect(answers).toEqual(Array(8).fill('413 payload_too_large'));
  });

  it('still serves a body under the limit sent chunked', async () => {
    const res = await send('/v1/decide', JSON.stringify({ site: site.publicKey, user: { id: 'u_1' } }), true);
    expect(res.status).toBe(200);
  });
});

describe('traits within bounds', () => {
  const decide = (traits: Record<string, unknown>, id = 'u_traits') =>
    t.post('/v1/decide', { site: site.publicKey, user: { id, traits } });

  it.each([
    ['a 100,000-character value', { bio: 'x'.repeat(100_000) }, 'user.traits.bio', 'at most 1000 characters'],
    [
      '51 keys',
      Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 1])),
      'user.traits',
      'at most 50 keys',
    ],
    [
      'a 101-character key',
      { ['k'.repeat(101)]: 1 },
      `user.traits.${'k'.repeat(20)}`,
      'at most 100 characters',
    ],
    ['three levels of nesting', { a: { b: { c: 1 } } }, 'user.traits.a.b', 'at most 2 levels'],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_name, traits, field, message) => {
    const res = await decide(traits, `u_${field.length}`);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[field]).toContain(message);
    expect(await t.store.getUserState(site.id, [`u_${field.length}`])).toBeNull();
  });

  it('keeps the newest traits alone when merging with stored ones would pass 50 keys', async () => {
    const some = (prefix: string) =>
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`${prefix}${i}`, i]));
    expect((await decide(some('a'), 'u_many')).status).toBe(200);
    expect((await decide(some('b'), 'u_many')).status).toBe(200);
    const state = await t.store.getUserState(site.id, ['u_many']);
    expect(Object.keys(state?.traits ?? {}).sort()).toEqual(Object.keys(some('b')).sort());
  });
});

describe('$regex audiences', () => {
  it('refuses at save a pattern only a backtracking engine can run (lookahead, backreference)', async () => {
    for (const pattern of ['^(?=.*admin)', '^(a+)\\1$']) {
      const res = await t.api(
        'POST',
        `/api/sites/${site.id}/messages`,
        announcement({ audience: { name: { $regex: pattern } } }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.fields.audience).toContain('name.$regex');
    }
  });

  it('decides at once for a classic ReDoS pattern against a long trait (a backtracking engine would take hours)', async () => {
    const id = await publishMessage(t, site.id, announcement({ audience: { name: { $regex: '^(a+)+$' } } }));
    const shown = async (name: string) =>
      (
        await t.post('/v1/decide', {
          site: site.publicKey,
          user: { id: `u_${name.length}`, traits: { name } },
        })
      ).body.messages.map((m: any) => m.id);
    expect(await shown(`${'a'.repeat(999)}!`)).toEqual([]);
    expect(await shown('a'.repeat(999))).toEqual([id]);
  });
});
