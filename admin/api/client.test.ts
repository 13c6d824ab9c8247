import { describe, expect, it } from 'vitest';
import { fakeServer } from '../test-kit.tsx';
import { ApiError, createClient } from './client.ts';

describe('API client', () => {
  it('sends the CSRF token on POST, PATCH and DELETE but not on GET', async () => {
    const server = fakeServer({
      'GET /api/sites': [200, { sites: [] }],
      'POST /api/sites': [201, { id: 'site_1' }],
      'PATCH /api/sites/site_1': [200, { id: 'site_1' }],
      'DELETE /api/messages/msg_1': [204, null],
    });
    const client = createClient({ fetch: server.fetch });
    client.setCsrfToken('tok-1');
    await client.get('/api/sites');
    await client.post('/api/sites', { name: 'Shop' });
    await client.patch('/api/sites/site_1', { name: 'Shop 2' });
    await client.del('/api/messages/msg_1');
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
    await createClient({ fetch: server.fetch }).post('/api/sites', { name: 'Shop' });
    expect(server.seen[0]?.headers['content-type']).toBe('application/json');
    expect(server.seen[0]?.body).toEqual({ name: 'Shop' });
  });

  it('turns an error body into an ApiError with its field problems', async () => {
    const fields = { 'content.en.title': 'Too small' };
    const server = fakeServer({
      'POST /api/sites': [400, { error: { code: 'invalid_request', message: 'invalid', fields } }],
    });
    const error = await createClient({ fetch: server.fetch })
      .post('/api/sites', {})
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
    const error = await createClient({ fetch })
      .post('/api/session', {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, retryAfter: 30 });
  });

  it('tells its listeners about a 401', async () => {
    const server = fakeServer({
      'GET /api/sites': [401, { error: { code: 'unauthorized', message: 'sign in' } }],
    });
    const client = createClient({ fetch: server.fetch });
    let told = 0;
    client.onUnauthorized(() => told++);
    await client.get('/api/sites').catch(() => {});
    expect(told).toBe(1);
  });
});
