import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINES, type Engine } from '../support/engines.ts';
import { type HeraldProcess, sleep, spawnHerald } from '../support/herald-process.ts';
import { pgProblem } from '../support/pg-schema.ts';

const TOKEN = 'shutdown-test-token';
const CLIENTS = 8;
const BATCH = 5;
const NAME = 'shutdown-burst';
const pgUnavailable = await pgProblem();

/** The JSON log lines the process wrote (stderr), parsed; other output (the banner) left out. */
function jsonLines(output: string[]): Record<string, unknown>[] {
  return output
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

describe.each(ENGINES)(
  'a server process on %s stopped with SIGTERM during a burst of events',
  (name, open) => {
    const dist = mkdtempSync(join(tmpdir(), 'herald-shutdown-dist-'));
    let server: HeraldProcess | undefined;
    let engine: Engine | undefined;
    afterAll(async () => {
      await server?.stop('SIGKILL');
      await engine?.drop();
      rmSync(dist, { recursive: true, force: true });
    });

    it.skipIf(name === 'PostgreSQL' && pgUnavailable !== null)(
      'finishes what it acknowledged, stores each acknowledged event once, exits by itself and logs JSON without the token',
      async () => {
        engine = await open();
        server = await spawnHerald({
          DATABASE_URL: engine.url,
          HERALD_API_TOKEN: TOKEN,
          HERALD_DIST_DIR: dist,
          HERALD_LOG_LEVEL: 'info',
        });
        const base = server.base;
        const sites = await fetch(`${base}/api/sites`, { headers: { authorization: `Bearer ${TOKEN}` } });
        const site = (await sites.json()).sites[0];

        const acknowledged: { id: string }[][] = [];
        let signalled = false;
        const client = async (n: number) => {
          while (true) {
            const events = Array.from({ length: BATCH }, () => ({
              id: randomUUID(),
              type: 'track',
              name: NAME,
              at: new Date().toISOString(),
              user: { id: `client_${n}` },
            }));
            try {
              const res = await fetch(`${base}/v1/events`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ site: site.publicKey, events }),
              });
              const body = await res.json();
              if (res.status === 200 && body.accepted === BATCH) acknowledged.push(events);
            } catch {
              if (signalled) return; // no longer accepting: the widget would keep the batch and retry
            }
          }
        };
        const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
        while (acknowledged.length < 60) await sleep(20);
        signalled = true;
        const exited = await server.stop('SIGTERM');
        await Promise.all(clients);

        expect(exited).toBe(true);
        const lines = jsonLines(server.output);
        expect(lines.map((l) => l.msg)).toContain('stopped: every acknowledged write is stored');
        // Nothing failed on the way down (pino's level 50 is error).
        expect(lines.filter((l) => Number(l.level) >= 50)).toEqual([]);
        expect(lines.some((l) => l.msg === 'request' && l.route === '/v1/events' && l.status === 200)).toBe(
          true,
        );
        expect(lines.some((l) => l.route === '/api/sites')).toBe(true);
        expect(server.output.join('')).not.toContain(TOKEN);

        // Every event a client saw acknowledged is stored, once; read from the database behind the server's back.
        const stored = await engine.storedIds(site.id, NAME);
        expect(new Set(stored).size).toBe(stored.length);
        const ids = new Set(stored);
        const missing = acknowledged.flat().filter((e) => !ids.has(e.id));
        expect(missing).toEqual([]);
      },
      180_000,
    );
  },
);
