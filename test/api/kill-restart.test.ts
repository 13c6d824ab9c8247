import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINES, type Engine } from '../support/engines.ts';
import { type HeraldProcess, sleep, spawnHerald } from '../support/herald-process.ts';
import { pgProblem } from '../support/pg-schema.ts';
import { webhookReceiver } from '../support/webhook-receiver.ts';

const TOKEN = 'kill-test-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const CLIENTS = 4;
const BATCH = 5;

async function call(server: HeraldProcess, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...auth },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Polls every 100 ms until `ok()` holds or `ms` have passed; the caller then asserts. */
async function eventually(ms: number, ok: () => boolean): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok() && Date.now() < deadline) await sleep(100);
}

const pgUnavailable = await pgProblem();

describe.each(ENGINES)(
  'a server process on %s killed with SIGKILL during a burst of events',
  (name, open) => {
    const dist = mkdtempSync(join(tmpdir(), 'herald-kill-dist-'));
    const running: HeraldProcess[] = [];
    let engine: Engine | undefined;
    const start = async () => {
      engine ??= await open();
      const server = await spawnHerald(
        {
          DATABASE_URL: engine.url,
          HERALD_API_TOKEN: TOKEN,
          HERALD_DIST_DIR: dist,
          HERALD_DEMO_HISTORY: 'off',
          // A retry every second for a minute: the notice is still pending when the next process starts.
          HERALD_WEBHOOK_RETRY_MS: Array(60).fill(1000).join(','),
        },
        { timeoutMs: 60_000 },
      );
      running.push(server);
      return server;
    };
    afterAll(async () => {
      for (const s of running) await s.stop('SIGKILL');
      await engine?.drop();
      rmSync(dist, { recursive: true, force: true });
    });

    it.skipIf(name === 'PostgreSQL' && pgUnavailable !== null)(
      'keeps every acknowledged event exactly once and delivers the pending webhook notice after a restart',
      async () => {
        const hook = await webhookReceiver();
        hook.down = true;
        let server = await start();
        const site = (await call(server, 'GET', '/api/sites')).body.sites[0];
        expect((await call(server, 'PATCH', `/api/sites/${site.id}`, { webhookUrl: hook.url })).status).toBe(
          200,
        );
        const release = (await call(server, 'GET', `/api/sites/${site.id}/releases`)).body.releases[0];
        const paused = await call(server, 'POST', `/api/releases/${release.id}/pause`, {
          reason: 'kill test',
        });
        expect(paused.status).toBe(200);
        // The receiver is down: the notice waits in the outbox for its next retry.
        await eventually(10_000, () => hook.attempts() > 0);
        expect(hook.attempts()).toBeGreaterThan(0);

        // Several clients send batches as fast as they can; each remembers the batches the server acknowledged.
        const acknowledged: { id: string }[][] = [];
        const sent: { id: string }[][] = [];
        let killed = false;
        const client = async (n: number) => {
          while (!killed) {
            const events = Array.from({ length: BATCH }, () => ({
              id: randomUUID(),
              type: 'track',
              name: 'kill-burst',
              at: new Date().toISOString(),
              user: { id: `client_${n}` },
            }));
            sent.push(events);
            try {
              const res = await fetch(`${server.base}/v1/events`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ site: site.publicKey, events }),
              });
              if (res.status === 200 && (await res.json()).accepted === BATCH) acknowledged.push(events);
            } catch {
              return; // the server is gone: this batch was never acknowledged
            }
          }
        };
        const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
        await eventually(30_000, () => acknowledged.length >= 40);
        await server.stop('SIGKILL');
        killed = true;
        await Promise.all(clients);
        expect(acknowledged.length).toBeGreaterThanOrEqual(40);

        hook.down = false;
        server = await start();
        // Every acknowledged event is there once: resent, each batch is all duplicates.
        for (const events of acknowledged) {
          const res = await call(server, 'POST', '/v1/events', { site: site.publicKey, events });
          expect(res.body).toEqual({ accepted: 0, duplicates: BATCH });
        }
        const stored = await (engine as Engine).storedIds(site.id, 'kill-burst');
        const ids = new Set(stored);
        expect(ids.size).toBe(stored.length);
        for (const events of acknowledged) for (const e of events) expect(ids.has(e.id)).toBe(true);
        // Nothing is there that no client sent (batches cut off by the kill may or may not have been stored).
        const sentIds = new Set(sent.flat().map((e) => e.id));
        expect(stored.every((id) => sentIds.has(id))).toBe(true);

        // The notice left pending by the killed process is delivered by the new one, once.
        await eventually(40_000, () => hook.bodies.length > 0);
        expect(hook.bodies).toHaveLength(1);
        expect(hook.bodies[0]).toMatchObject({
          type: 'release.transition',
          release: { id: release.id, status: 'paused' },
          transition: { action: 'pause', reason: 'kill test' },
        });
        await hook.close();
      },
      180_000,
    );
  },
);
