import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeMetrics } from '../../server/node/metrics.ts';
import { openStore } from '../../server/store/open-store.ts';
import { STORES } from '../support/both-stores.ts';
import { type HttpServer, httpServer } from '../support/http-server.ts';
import { pgSchema } from '../support/pg-schema.ts';
import {
  announcement,
  createSite,
  publishMessage,
  receipted,
  type TestApp,
  TOKEN,
  testApp,
} from '../support/test-app.ts';

/** One sample's value from Prometheus text: `name{labels} value`, labels in the order prom-client writes them. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(STORES)('GET /metrics on %s', (kind) => {
  let t: TestApp;
  let server: HttpServer;
  let drop: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    let liveVersion = () => 0;
    const metrics = nodeMetrics({ queued: () => t.store.queued(), liveVersion: () => liveVersion() });
    const pg = kind === 'postgres' ? await pgSchema() : undefined;
    drop = pg?.drop;
    // A store passed in is used as given (testApp wraps only its own SQLite file), so count around it here.
    const store = pg ? { store: metrics.counting(await openStore(pg.url)) } : {};
    t = await testApp({ observe: metrics.observe, metrics: metrics.text, ...store }, metrics.counting);
    liveVersion = t.app.live.version;
    server = await httpServer(t.app.fetch);
  });
  afterEach(async () => {
    await server.close();
    await t.close();
    await drop?.();
  });

  const scrape = async (token: string | null = TOKEN) => {
    const res = await fetch(`${server.base}/metrics`, {
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
    });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  it('refuses a scrape without the API token, or with a wrong one', async () => {
    for (const token of [null, 'wrong-token']) {
      const res = await scrape(token);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.text).error.code).toBe('unauthorized');
    }
  });

  it('shows latency per route pattern, events stored, queue depth and the live-cache version', async () => {
    const site = await createSite(t);
    const before = sample((await scrape()).text, 'herald_live_cache_version');
    const messageId = await publishMessage(t, site.id, announcement());
    const events = await receipted(t, site, [
      {
        id: crypto.randomUUID(),
        type: 'impression',
        messageId,
        at: t.clock.now.toISOString(),
        user: { id: 'u1' },
      },
      {
        id: crypto.randomUUID(),
        type: 'click',
        messageId,
        at: t.clock.now.toISOString(),
        user: { id: 'u1' },
      },
    ]);
    const send = () =>
      fetch(`${server.base}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ site: site.publicKey, events }),
      }).then((r) => r.json());
    expect(await send()).toEqual({ accepted: 2, duplicates: 0 });
    // Sent again: duplicates, not counted as stored.
    expect(await send()).toEqual({ accepted: 0, duplicates: 2 });
    expect(
      (
        await fetch(`${server.base}/api/messages/${messageId}`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).status,
    ).toBe(200);

    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toContain('text/plain; version=0.0.4');
    expect(sample(text, 'herald_events_stored_total')).toBe(2);
    expect(
      sample(
        text,
        'herald_http_request_duration_seconds_count{method="POST",route="/v1/events",status="200"}',
      ),
    ).toBe(2);
    // The pattern, never the id: one series however many messages there are.
    expect(
      sample(
        text,
        'herald_http_request_duration_seconds_count{method="GET",route="/api/messages/:id",status="200"}',
      ),
    ).toBe(1);
    expect(text).not.toContain(messageId);
    expect(sample(text, 'herald_queue_depth{queue="events"}')).toBe(0);
    expect(sample(text, 'herald_queue_depth{queue="user_writes"}')).toBe(0);
    // Publishing changed the site's live messages: the version moved on.
    expect(sample(text, 'herald_live_cache_version')).toBeGreaterThan(before ?? Number.NaN);
    expect(sample(text, 'herald_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});
