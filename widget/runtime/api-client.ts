import type { z } from 'zod';
import type { DecideRequest, DecideResponse } from '../../server/schema/decide.ts';
import type { Event } from '../../server/schema/events.ts';
import type { FeedRequest, FeedResponse } from '../../server/schema/feed.ts';

/** The widget's only network code: the three public endpoints, CORS without cookies. */
export type ApiClient = {
  /** Bodies are the schemas' input shapes: what the server's defaults fill in may be left out. */
  decide(body: z.input<typeof DecideRequest>): Promise<DecideResponse>;
  feed(body: z.input<typeof FeedRequest>): Promise<FeedResponse>;
  /** Resolves to the HTTP status, or 0 when the request did not complete; never rejects. */
  send(events: Event[]): Promise<number>;
  /** Queues a `text/plain` beacon (no CORS preflight, survives unload); false when the browser refused. */
  beacon(events: Event[]): boolean;
};

/**
 * A client for `api` (an origin, optionally with a path). `fetchFn` is an argument so tests can stub the
 * network. Requests use `keepalive` so a send started just before navigation still completes. After a
 * 429 or 503 (or any later error) with `Retry-After`, no request is made until that time has passed.
 */
export function createApiClient(api: string, site: string, fetchFn: typeof fetch = fetch): ApiClient {
  // Until when the server asked us (429 or 503 with Retry-After, in seconds) to stay quiet.
  let quietUntil = 0;
  // async, so that even a synchronous throw (no fetch at all) becomes a rejection the callers handle.
  const post = async (path: string, body: unknown) => {
    // Quiet: fail at once, without a request; decide shows nothing and the queue retries later.
    if (Date.now() < quietUntil) throw 0;
    const res = await fetchFn(api + path, {
      method: 'POST', // cross-origin, so `mode` is 'cors' by default
      credentials: 'omit',
      // Bodies stay far below keepalive's 64 KB (event batches are 32 KB at most).
      keepalive: true,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    // On 429, 503 (or any later error) with a Retry-After in seconds; at most an hour, so a wrong header
    // cannot silence the widget for good.
    const wait = Number(res.headers.get('retry-after'));
    if (res.status > 428 && wait > 0) quietUntil = Date.now() + Math.min(wait, 3600) * 1000;
    return res;
  };
  const read = (path: string, body: unknown) =>
    post(path, body).then((res) => (res.ok ? res.json() : Promise.reject(res.status)));
  return {
    decide: (body) => read('/v1/decide', body),
    feed: (body) => read('/v1/feed', body),
    send: (events) =>
      post('/v1/events', { site, events }).then(
        (res) => res.status,
        () => 0,
      ),
    beacon: (events) =>
      navigator.sendBeacon(
        `${api}/v1/events`,
        new Blob([JSON.stringify({ site, events })], { type: 'text/plain' }),
      ),
  };
}
