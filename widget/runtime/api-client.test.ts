import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './api-client.ts';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('api client', () => {
  it('posts JSON without cookies, kept alive across navigation', async () => {
    const fetchFn = vi.fn(async () => json({ messages: [], releases: {} }));
    const api = createApiClient('https://herald.test', 'pk_demo', fetchFn);
    const body = { site: 'pk_demo', user: { anonymousId: 'a_1' }, context: { url: 'https://x.test/' } };
    await expect(api.decide(body)).resolves.toEqual({ messages: [], releases: {} });
    expect(fetchFn).toHaveBeenCalledWith('https://herald.test/v1/decide', {
      method: 'POST',
      credentials: 'omit',
      keepalive: true,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  });

  it('rejects decide on an error status', async () => {
    const api = createApiClient('https://herald.test', 'pk_demo', async () => json({}, 500));
    await expect(api.feed({ site: 'pk_demo', user: { anonymousId: 'a' } })).rejects.toBe(500);
  });

  it('answers a send with the status, and 0 when the request failed or fetch threw', async () => {
    const ok = createApiClient('https://h.test', 'pk', async () => json({ accepted: 1, duplicates: 0 }));
    expect(await ok.send([])).toBe(200);
    const offline = createApiClient('https://h.test', 'pk', () => Promise.reject(new TypeError('offline')));
    expect(await offline.send([])).toBe(0);
    const broken = createApiClient('https://h.test', 'pk', () => {
      throw new Error('no fetch');
    });
    expect(await broken.send([])).toBe(0);
  });

  it.each([429, 503])(
    'makes no request for Retry-After seconds after a %s, then asks again',
    async (status) => {
      vi.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') });
      try {
        const fetchFn = vi.fn(async () =>
          fetchFn.mock.calls.length === 1
            ? new Response('{}', { status, headers: { 'retry-after': '30' } })
            : json({ accepted: 1, duplicates: 0 }),
        );
        const api = createApiClient('https://h.test', 'pk', fetchFn);
        expect(await api.send([])).toBe(status);
        vi.advanceTimersByTime(29_000);
        expect(await api.send([])).toBe(0);
        await expect(api.decide({ site: 'pk', user: { anonymousId: 'a' } })).rejects.toBe(0);
        expect(fetchFn).toHaveBeenCalledTimes(1);
        vi.advanceTimersByTime(1_000);
        expect(await api.send([])).toBe(200);
        expect(fetchFn).toHaveBeenCalledTimes(2);
      } finally {
        vi.useRealTimers();
      }
    },
  );

  it('keeps asking after a 429 without Retry-After, leaving the wait to the queue’s backoff', async () => {
    const fetchFn = vi.fn(async () => json({}, 429));
    const api = createApiClient('https://h.test', 'pk', fetchFn);
    expect(await api.send([])).toBe(429);
    expect(await api.send([])).toBe(429);
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });
});
