import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeraldProcess, spawnHerald } from '../support/herald-process.ts';

const TOKEN = 'process-test-token';
const AUSTIN = { id: 'u_austin_1', traits: { city: 'Austin' } };
const BOSTON = { id: 'u_boston_1', traits: { city: 'Boston' } };
const DEMO_URL = 'http://localhost/demo/';

type Server = HeraldProcess;

/** The server on `dir`'s database, with no built files (this test needs none). */
const startServer = async (dir: string): Promise<Server> => {
  const server = await spawnHerald(
    {
      DATABASE_URL: `sqlite:${join(dir, 'h.db')}`,
      HERALD_API_TOKEN: TOKEN,
      HERALD_DIST_DIR: join(dir, 'dist'),
    },
    { timeoutMs: 30_000 },
  );
  running.add(server);
  return server;
};

/** Stops the server; fails the test when it does not exit by itself on the signal (no clean shutdown). */
async function stopServer(server: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  running.delete(server);
  if (!(await server.stop(signal)))
    throw new Error(`the server ignored ${signal}:\n${server.output.join('')}`);
}

const running = new Set<Server>();

async function call(server: Server, method: string, path: string, body?: unknown, headers = {}) {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

const decide = (server: Server, user: object) =>
  call(server, 'POST', '/v1/decide', { site: 'pk_demo', user, context: { url: DEMO_URL } });
const shownIds = async (server: Server, user: object) =>
  (await decide(server, user)).body.messages.map((m: { id: string }) => m.id) as string[];

describe('the server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'herald-process-'));
  mkdirSync(join(dir, 'dist'));
  let server: Server;
  let launch: string;
  /** The receipt the launch was served with to the Austin user, which the widget sends back with events. */
  let receipt: string;
  const events: unknown[] = [];

  beforeAll(async () => {
    server = await startServer(dir);
  });

  afterAll(async () => {
    for (const s of running) await stopServer(s, 'SIGKILL').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the Austin launch to an Austin user of the demo site and not to a Boston user', async () => {
    const res = await decide(server, AUSTIN);
    expect(res.status).toBe(200);
    const modal = res.body.messages.find(
      (m: { kind: string; display: { style?: string } }) =>
        m.kind === 'announcement' && m.display.style === 'modal',
    );
    expect(modal?.content.title).toBe('Reserve a scooter ahead');
    expect(res.body.releases['reserve-ahead']).toMatchObject({ enabled: true, holdout: false });
    launch = modal.id;
    receipt = modal.receipt;
    expect(await shownIds(server, BOSTON)).not.toContain(launch);
  });

  it('stores an impression and a dismiss once, and counts the retry as duplicates', async () => {
    const at = new Date().toISOString();
    for (const type of ['impression', 'dismiss'])
      events.push({ id: randomUUID(), type, messageId: launch, at, user: { id: AUSTIN.id }, receipt });
    const batch = { site: 'pk_demo', events };
    expect((await call(server, 'POST', '/v1/events', batch)).body).toEqual({ accepted: 2, duplicates: 0 });
    expect((await call(server, 'POST', '/v1/events', batch)).body).toEqual({ accepted: 0, duplicates: 2 });
    expect(await shownIds(server, AUSTIN)).not.toContain(launch);
  });

  it('serves the OpenAPI document with /v1/decide', async () => {
    const res = await call(server, 'GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toContain('/v1/decide');
  });

  it('lists sites only with the bearer token', async () => {
    expect((await call(server, 'GET', '/api/sites')).status).toBe(401);
    const res = await call(server, 'GET', '/api/sites', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.body.sites.map((s: { publicKey: string }) => s.publicKey)).toContain('pk_demo');
  });

  it('answers a CORS preflight for /v1/decide with the origin', async () => {
    const res = await fetch(`${server.base}/v1/decide`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('closes its store on SIGTERM and keeps the events for the next process on the same file', async () => {
    // SQLite removes the write-ahead log when the last connection closes: proof that the store was closed.
    expect(existsSync(join(dir, 'h.db-wal'))).toBe(true);
    await stopServer(server);
    expect(existsSync(join(dir, 'h.db-wal'))).toBe(false);
    server = await startServer(dir);
    const auth = { authorization: `Bearer ${TOKEN}` };
    const results = await call(server, 'GET', `/api/messages/${launch}/results`, undefined, auth);
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({ impressions: 1, dismissals: 1 });
    expect((await call(server, 'GET', '/api/sites', undefined, auth)).body.sites).toHaveLength(1);
    expect(await shownIds(server, AUSTIN)).not.toContain(launch);
  }, 60_000);
});
