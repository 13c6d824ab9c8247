import { describe, expect, it } from 'vitest';
import { fakeServer } from '../test-kit.tsx';
import { ApiError, createClient } from './client.ts';
import { createHeraldApi } from './herald-api.ts';

const apiOn = (fetch: typeof globalThis.fetch) => createHeraldApi(createClient({ fetch }));

describe('API client', () => {
  it('sends the CSRF token on POST, PATCH and DELETE but not on GET', async () => {
    const server = fakeServer({
      'GET /api/sites': [200, { sites: [] }],
      'POST /api/sites': [201, { id: 'site_1' }],
      'PATCH /api/sites/site_1': [200, { id: 'site_1' }],
      'DELETE /api/messages/msg_1': [204, null],
    });
    const api = apiOn(server.fetch);
    api.client.setCsrfToken('tok-1');
    await api.sites.list();
    await api.sites.create({ name: 'Shop' });
    await api.sites.update('site_1', { name: 'Shop 2' });
    await api.messages.remove('msg_1');
    const token = server.seen.map((r) => [r.method, r.headers['x-csrf-token']]);
    expect(token).toEqual([
      ['GET', undefined],
      ['POST', 'tok-1'],
      ['PATCH', 'tok-1'],
      ['DELETE', 'tok-1'],
    ]);
  });

  it('sends JSON bodies with their content type', async () => {
    const server = fakeServer({ 'POST /api/sites': [201, { id: 'site_1' }] });
    await apiOn(server.fetch).sites.create({ name: 'Shop' });
    expect(server.seen[0]?.headers['content-type']).toBe('application/json');
    expect(server.seen[0]?.body).toEqual({ name: 'Shop' });
  });

  it('puts ids in the path escaped, and the query after it', async () => {
    const seen: string[] = [];
    const fetch = async (url: string | URL | Request) => {
      seen.push(String(url));
      return Response.json({ key: 'u/1' });
    };
    await apiOn(fetch as typeof globalThis.fetch).users.lookup('site 1', 'u/1');
    await apiOn(fetch as typeof globalThis.fetch).results.summary('msg_1', 'phase');
    expect(seen).toEqual(['/api/sites/site%201/users/u%2F1', '/api/messages/msg_1/results?by=phase']);
  });

  it('turns an error body into an ApiError with its field problems', async () => {
    const fields = { 'content.en.title': 'Too small' };
    const server = fakeServer({
      'POST /api/sites': [400, { error: { code: 'invalid_request', message: 'invalid', fields } }],
    });
    const error = await apiOn(server.fetch)
      .sites.create({ name: '' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', fields });
  });

  it('reads retry-after from a rate-limited answer', async () => {
    const fetch = async () =>
      new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }), {
        status: 429,
        headers: { 'retry-after': '30' },
      });
    const error = await apiOn(fetch)
      .session.signIn('a@example.com', 'pw')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, retryAfter: 30 });
  });

  it('tells its listeners about a 401', async () => {
    const server = fakeServer({
      'GET /api/sites': [401, { error: { code: 'unauthorized', message: 'sign in' } }],
    });
    const api = apiOn(server.fetch);
    let told = 0;
    api.client.onUnauthorized(() => told++);
    await api.sites.list().catch(() => {});
    expect(told).toBe(1);
  });
});
