import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type HeraldApp } from '../../server/app.ts';
import type { MessageInput } from '../../server/schema/message.ts';
import type { Site } from '../../server/schema/site.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import type { Store } from '../../server/store/store.ts';

export const TOKEN = 'test-token';

/** A Herald app on a real SQLite file in a temp folder, with a clock the test can move. */
export type TestApp = {
  app: HeraldApp;
  store: Store;
  clock: { now: Date; advance(ms: number): void };
  /** Calls the admin API with the bearer token; JSON in, parsed JSON out. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Calls a public endpoint with a JSON body. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
};

let counter = 0;

export async function testApp(): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-test-'));
  const store = await openSqliteStore(join(dir, 'herald.db'));
  await store.migrate();
  const clock = {
    now: new Date('2026-11-26T10:00:00Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const app = createApp({
    store,
    clock: () => clock.now,
    ids: (prefix, length = 16) => `${prefix}_${(++counter).toString(36).padStart(Math.min(length, 8), '0')}`,
    log: () => {},
    apiToken: TOKEN,
    publicUrl: 'http://localhost:8787',
  });
  const call = async (method: string, path: string, body: unknown, headers: Record<string, string>) => {
    const res = await app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status, body: parsed as any };
  };
  return {
    app,
    store,
    clock,
    api: (method, path, body) => call(method, path, body, { authorization: `Bearer ${TOKEN}` }),
    post: (path, body, headers = {}) => call('POST', path, body, headers),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid announcement input; override any field. */
export function announcement(overrides: Partial<MessageInput> = {}): Record<string, unknown> {
  return {
    kind: 'announcement',
    name: 'Reserve ahead',
    display: { style: 'modal' },
    content: { en: { title: 'Reserve a scooter ahead', body: 'Up to **30 minutes** ahead.' } },
    ...overrides,
  };
}

/** Creates a site through the API. */
export async function createSite(t: TestApp, fields: Record<string, unknown> = {}): Promise<Site> {
  const res = await t.api('POST', '/api/sites', {
    name: 'Test site',
    attention: { maxPerDay: 100, minGapMinutes: 0 },
    ...fields,
  });
  if (res.status !== 201) throw new Error(`site not created: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates and publishes a message through the API; returns its id. */
export async function publishMessage(
  t: TestApp,
  siteId: string,
  input: Record<string, unknown>,
): Promise<string> {
  const created = await t.api('POST', `/api/sites/${siteId}/messages`, input);
  if (created.status !== 201) throw new Error(`message not created: ${JSON.stringify(created.body)}`);
  const published = await t.api('POST', `/api/messages/${created.body.id}/publish`);
  if (published.status !== 200) throw new Error(`message not published: ${JSON.stringify(published.body)}`);
  return created.body.id;
}

/** Asks /v1/decide for a user and returns the ids of the messages shown. */
export async function shownIds(
  t: TestApp,
  site: Site,
  user: Record<string, unknown>,
  context: Record<string, unknown> = {},
): Promise<string[]> {
  const res = await t.post('/v1/decide', { site: site.publicKey, user, context });
  if (res.status !== 200) throw new Error(`decide failed: ${JSON.stringify(res.body)}`);
  return res.body.messages.map((m: { id: string }) => m.id);
}
