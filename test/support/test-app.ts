import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createApp, type HeraldApp } from '../../server/app.ts';
import type { AppDeps } from '../../server/deps.ts';
import { nodePasswords } from '../../server/node/passwords.ts';
import type { Account, Role } from '../../server/schema/account.ts';
import type { MessageInput } from '../../server/schema/message.ts';
import type { Site } from '../../server/schema/site.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import type { Store } from '../../server/store/store.ts';

export const TOKEN = 'test-token';
/** The password `addAccount` gives accounts. */
export const PASSWORD = 'correct horse battery staple';
/** Tests set a client address with this header (the app's `clientIp`), to exercise per-address limits. */
export const CLIENT_IP_HEADER = 'x-test-client-ip';

/** The real hasher at the real cost: tests keep sign-ins few instead of making them cheap. */
const passwords = nodePasswords();

type Reply = { status: number; body: any; headers: Headers };

/** A signed-in browser: its cookie, its CSRF token, and calls that carry them. */
export type Session = {
  account: Account;
  csrfToken: string;
  /** `herald_session=…`, as the browser would send it. */
  cookie: string;
  /** Calls the admin API with the cookie and (unless `csrf: false`) the `x-csrf-token` header. */
  api(method: string, path: string, body?: unknown, options?: { csrf?: boolean }): Promise<Reply>;
};

/** A Herald app on a real SQLite file in a temp folder, with a clock the test can move. */
export type TestApp = {
  app: HeraldApp;
  store: Store;
  clock: { now: Date; advance(ms: number): void };
  /** Calls the admin API with the bearer token; JSON in, parsed JSON out. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Calls a public endpoint with a JSON body. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** Creates an account through the API (with the bearer token), password `PASSWORD` unless given. */
  addAccount(role: Role, email?: string, password?: string): Promise<Account>;
  /** Signs in through `POST /api/session`; throws unless it succeeds. */
  signIn(email: string, password?: string): Promise<Session>;
  close(): Promise<void>;
};

let counter = 0;

/**
 * A fresh app for each test of the enclosing block (made by `open`: SQLite unless told), closed after it
 * once its background rollout work has settled (and, with `drainWebhooks`, its webhooks are delivered). The
 * object returned stands for the app of the test that is running, so a file or `describe` declares it once.
 *
 * @example const t = eachTestApp(); // or, in describe.each(STORES): eachTestApp(() => appOn(kind))
 */
export function eachTestApp(
  open: () => Promise<TestApp> = () => testApp(),
  { drainWebhooks = false } = {},
): TestApp {
  let current: TestApp | undefined;
  beforeEach(async () => {
    current = await open();
  });
  afterEach(async () => {
    const done = current;
    current = undefined;
    if (done === undefined) return;
    await done.app.rollout.settled();
    if (drainWebhooks) await done.app.webhooks.drain();
    await done.close();
  });
  const now = (): TestApp => {
    if (current === undefined) throw new Error('a test app exists only while a test runs');
    return current;
  };
  return {
    get app() {
      return now().app;
    },
    get store() {
      return now().store;
    },
    get clock() {
      return now().clock;
    },
    api: (...args) => now().api(...args),
    post: (...args) => now().post(...args),
    addAccount: (...args) => now().addAccount(...args),
    signIn: (...args) => now().signIn(...args),
    close: () => now().close(),
  };
}

/**
 * `overrides` replace any of the app's dependencies (e.g. fast webhook retries); `wrapStore` puts a layer
 * around the real store, so a test can hold one call back and force an interleaving.
 */
export async function testApp(
  overrides: Partial<AppDeps> = {},
  wrapStore: (store: Store) => Store = (s) => s,
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-test-'));
  // A store passed in (PostgreSQL, say) is used as is and closed with the app.
  const store = wrapStore(overrides.store ?? (await openSqliteStore(join(dir, 'herald.db'))));
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
    passwords,
    clientIp: (c) => c.req.header(CLIENT_IP_HEADER),
    // As main.ts runs it: every API test also checks that cached user states follow every write.
    userStateCache: { max: 1000 },
    ...overrides,
  });
  return {
    app,
    store,
    clock,
    ...apiClient(async (path, init) => app.request(path, init)),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The calls a test makes, over any way of sending a request (the app in-process, or a Worker over HTTP). */
export type ApiClient = Pick<TestApp, 'api' | 'post' | 'addAccount' | 'signIn'>;

/** `TestApp`'s calls over `request`: the bearer token for the admin API, JSON in and parsed JSON out. */
export function apiClient(request: (path: string, init: RequestInit) => Promise<Response>): ApiClient {
  const call = async (method: string, path: string, body: unknown, headers: Record<string, string>) => {
    const res = await request(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status, body: parsed as any, headers: res.headers };
  };
  const api = (method: string, path: string, body?: unknown) =>
    call(method, path, body, { authorization: `Bearer ${TOKEN}` });
  return {
    api,
    post: (path, body, headers = {}) => call('POST', path, body, headers),
    async addAccount(role, email = `${role}-${++counter}@example.com`, password = PASSWORD) {
      const res = await api('POST', '/api/accounts', { email, password, role });
      if (res.status !== 201) throw new Error(`account not created: ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async signIn(email, password = PASSWORD) {
      const res = await call('POST', '/api/session', { email, password }, {});
      if (res.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { account, csrfToken } = res.body;
      return {
        account,
        csrfToken,
        cookie,
        api: (method, path, body, options = {}) =>
          call(method, path, body, {
            cookie,
            ...(options.csrf === false ? {} : { 'x-csrf-token': csrfToken }),
          }),
      };
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

/** A valid five-star survey input (a slide-out card); override any field. */
export function surveyInput(overrides: Partial<MessageInput> = {}): Record<string, unknown> {
  return {
    ...announcement({ kind: 'survey', name: 'How was it?', display: { style: 'slideout' } }),
    survey: { scale: 'stars5' },
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

/**
 * Creates a release through the API (a draft, `reserve-ahead` with one phase for everyone unless `fields`
 * say otherwise); returns it.
 */
export async function createRelease(t: ApiClient, siteId: string, fields: Record<string, unknown> = {}) {
  const res = await t.api('POST', `/api/sites/${siteId}/releases`, {
    key: 'reserve-ahead',
    name: 'Reserve ahead',
    phases: [{ name: 'Everyone', audience: {}, percent: 100 }],
    ...fields,
  });
  if (res.status !== 201) throw new Error(`release not created: ${JSON.stringify(res.body)}`);
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

type UserRef = { id?: string; anonymousId?: string };
type EventLike = { type: string; messageId?: string; user: UserRef; receipt?: string };

/**
 * Receipts a test app's decide gave, per site, user and message (`''`: the answer's own); kept per app
 * (`t.app`), since `eachTestApp`'s `t` stands for a new app in each test.
 */
const receiptBook = new WeakMap<HeraldApp, Map<string, string>>();

/**
 * Adds to each event the receipt a widget would send: asks `/v1/decide` for each user (once per site and
 * user, unless a message of theirs is not yet known) and takes the receipt served with the event's message
 * (for `track` and `goal`, the answer's own). An event whose message decide does not show gets none, so the
 * server ignores it, exactly as for a user who was never served it.
 *
 * @example await t.post('/v1/events', { site: site.publicKey, events: await receipted(t, site, events) })
 */
export async function receipted<E extends EventLike>(
  t: TestApp,
  site: Pick<Site, 'publicKey'>,
  events: E[],
  context: Record<string, unknown> = {},
): Promise<E[]> {
  const book = receiptBook.get(t.app) ?? new Map<string, string>();
  receiptBook.set(t.app, book);
  const slot = (e: EventLike) =>
    `${site.publicKey} ${e.user.id ?? ''} ${e.user.anonymousId ?? ''} ${e.messageId ?? ''}`;
  for (const e of events) {
    if (e.receipt !== undefined || book.has(slot(e))) continue;
    const res = await t.post('/v1/decide', { site: site.publicKey, user: e.user, context });
    if (res.status !== 200) throw new Error(`decide failed: ${JSON.stringify(res.body)}`);
    const served = { ...e, messageId: undefined };
    book.set(slot(served), res.body.receipt);
    for (const m of res.body.messages as { id: string; receipt: string }[]) {
      book.set(slot({ ...served, messageId: m.id }), m.receipt);
    }
  }
  return events.map((e) => {
    const receipt = e.receipt ?? book.get(slot(e));
    return receipt === undefined ? e : { ...e, receipt };
  });
}

/** Posts a batch of events with the receipts decide gave their users (see `receipted`). */
export async function postServed(
  t: TestApp,
  site: Pick<Site, 'publicKey'>,
  events: EventLike[],
  context: Record<string, unknown> = {},
): Promise<{ status: number; body: any }> {
  return t.post('/v1/events', { site: site.publicKey, events: await receipted(t, site, events, context) });
}
