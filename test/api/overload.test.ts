import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../server/store/open-store.ts';
import { STORES, type StoreKind } from '../support/both-stores.ts';
import { freshDatabase } from '../support/engines.ts';
import { type HttpServer, httpServer } from '../support/http-server.ts';
import { createSite, type TestApp, testApp } from '../support/test-app.ts';

const BATCH = 10;
const CLIENTS = 40;
/** At most this many batches in the flood, so the test ends even on a machine fast enough never to queue. */
const MAX_BATCHES = 3000;
/** One batch (one user write) may wait while another is written: a burst of 40 clients is far beyond it. */
const BOUNDS = { maxQueuedEvents: BATCH, maxQueuedUserWrites: 1 };

type Batch = { id: string; type: 'track'; name: string; at: string; user: { id: string } }[];

/**
 * The stores with a group-commit queue to bound: the Node server's. The Worker has none (each request
 * writes its own batch to D1), so it has no bound to test; running its kind here tested SQLite twice.
 */
const QUEUED = STORES.filter((kind): kind is Exclude<StoreKind, 'edge'> => kind !== 'edge');

/** A Herald app with tight queue bounds on a fresh store of `kind`, served over real HTTP. */
async function overloadable(kind: (typeof QUEUED)[number]) {
  const db = await freshDatabase(kind);
  const store = await openStore(db.url, BOUNDS);
  // No per-address limit: every request of the flood comes from 127.0.0.1 and must reach the queue.
  const t = await testApp({ store, limits: { perAddress: { max: 0, windowMs: 60_000 } } });
  const server = await httpServer(t.app.fetch);
  return {
    t,
    server,
    async close() {
      await server.close();
      await t.close();
      await db.drop();
    },
  };
}

describe.each(QUEUED)('POST /v1/events beyond the queue bound on %s', (kind) => {
  let env: Awaited<ReturnType<typeof overloadable>>;
  let t: TestApp;
  let server: HttpServer;
  beforeEach(async () => {
    env = await overloadable(kind);
    ({ t, server } = env);
  });
  afterEach(async () => {
    await env.close();
  });

  it('answers 503 with Retry-After, stores every acknowledged event once, and takes the refused ones on retry', async () => {
    const site = await createSite(t);
    let n = 0;
    const batch = (client: number): Batch =>
      Array.from({ length: BATCH }, () => ({
        id: crypto.randomUUID(),
        type: 'track',
        name: `flood_${n++}`,
        at: t.clock.now.toISOString(),
        user: { id: `client_${client}` },
      }));
    const send = (events: Batch) =>
      fetch(`${server.base}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ site: site.publicKey, events }),
      });

    const acknowledged: Batch[] = [];
    const refused: { events: Batch; retryAfter: string | null; body: any }[] = [];
    const other: number[] = [];
    let sent = 0;
    // Each client sends its next batch as soon as the previous one is answered, until the server has
    // refused some (and then a little longer, so 200s and 503s interleave).
    const client = async (c: number) => {
      while (sent < MAX_BATCHES && refused.length < 20) {
        sent++;
        const events = batch(c);
        const res = await send(events);
        const body = await res.json();
        if (res.status === 200 && body.accepted === BATCH) acknowledged.push(events);
        else if (res.status === 503)
          refused.push({ events, retryAfter: res.headers.get('retry-after'), body });
        else other.push(res.status);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));

    expect(other).toEqual([]);
    expect(refused.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(r.body.error).toMatchObject({ code: 'overloaded', message: expect.stringContaining('retry') });
    }

    // The widget comes back after Retry-After with the same ids: each refused batch is new to the server.
    for (const r of refused) {
      const res = await send(r.events);
      expect({ status: res.status, body: await res.json() }).toEqual({
        status: 200,
        body: { accepted: BATCH, duplicates: 0 },
      });
    }
    // Every acknowledged batch is stored: sent again, it is all duplicates.
    for (const events of acknowledged) {
      const res = await send(events);
      expect(await res.json()).toEqual({ accepted: 0, duplicates: BATCH });
    }
    // Exactly once: the site holds the acknowledged and the retried events, and nothing else.
    expect(await t.store.countEvents(site.id)).toBe((acknowledged.length + refused.length) * BATCH);
    expect(t.store.queued()).toEqual({ events: 0, userWrites: 0 });
  }, 120_000);

  it('answers a decide that must remember new traits 503 when the user writes are at their bound, and keeps every trait it answered', async () => {
    const site = await createSite(t);
    const decide = (key: string) =>
      fetch(`${server.base}/v1/decide`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // New traits for a new user: each decide must write them before it answers.
        body: JSON.stringify({ site: site.publicKey, user: { id: key, traits: { plan: `plan_${key}` } } }),
      });
    const answered: string[] = [];
    const refused: { key: string; retryAfter: string | null; code: string }[] = [];
    const other: number[] = [];
    let n = 0;
    const client = async () => {
      while (n < MAX_BATCHES && refused.length < 20) {
        const key = `user_${n++}`;
        const res = await decide(key);
        const body = await res.json();
        if (res.status === 200) answered.push(key);
        else if (res.status === 503)
          refused.push({ key, retryAfter: res.headers.get('retry-after'), code: body.error?.code });
        else other.push(res.status);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));

    expect(other).toEqual([]);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(r.code).toBe('overloaded');
    }
    // Asked again later, the refused users are answered.
    for (const r of refused) expect((await decide(r.key)).status).toBe(200);
    // Every user answered, first time or on retry, has their traits stored.
    for (const key of [...answered, ...refused.map((r) => r.key)]) {
      const state = await t.store.getUserState(site.id, [key]);
      expect(state?.traits).toEqual({ plan: `plan_${key}` });
    }
  }, 120_000);
});
