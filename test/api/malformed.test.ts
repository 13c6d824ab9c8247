import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appOn, STORES } from '../support/both-stores.ts';
import {
  BODIES,
  CONTENT_TYPES,
  DECIDE_FIELDS,
  decideBody,
  EVENT_FIELDS,
  EVENT_RULES,
  EVENTS_FIELD,
  eventsBody,
  type FieldSpec,
  type Fixture,
  FOREIGN_ORIGINS,
  FromFixture,
  INVALID,
  MEDIA_TYPE,
  makeTokens,
  type Outcome,
  PROTOTYPE_BODIES,
  PROTOTYPE_EVENTS,
  Raw,
  REMOVE,
  TEXT_TYPES,
  validEvent,
} from '../support/malformed-cases.ts';
import { announcement, createSite, publishMessage, type TestApp } from '../support/test-app.ts';

/** A body as sent: text, or raw bytes (not UTF-8, or not text at all). */
type Body = string | Uint8Array<ArrayBuffer>;
/** One request as `app.request` takes it. */
type Built = { method: string; path: string; headers: Record<string, string>; body?: Body };
/** A request the public API must refuse, with the status and code the contract asks for (any 4xx when open). */
type MalformedCase = { name: string; status?: number; code?: string; build(fx: Fixture): Built };

const JSON_TYPE = 'application/json';
const TEXT_TYPE = 'text/plain';

function request(path: string, body: Body | undefined, type = JSON_TYPE, headers = {}): Built {
  return {
    method: 'POST',
    path,
    headers: { 'content-type': type, ...headers },
    ...(body === undefined ? {} : { body }),
  };
}

/** JSON.stringify, with `Raw` values written as their text. */
function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v) =>
    v instanceof Raw ? `\u0000${raws.push(v.text) - 1}\u0000` : v,
  );
  return text.replace(/"\\u0000(\d+)\\u0000"/g, (_, i) => raws[Number(i)] ?? '');
}

function setPath(target: any, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce((obj, key) => obj[key], target);
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
}

const resolve = (value: unknown, fx: Fixture) => (value instanceof FromFixture ? value.get(fx) : value);

function labelOf(value: unknown): string {
  if (value === REMOVE) return 'missing';
  if (value instanceof Raw || value instanceof FromFixture) return value.label;
  const short = (_k: string, v: unknown) =>
    v instanceof Raw ? v.label : typeof v === 'string' && v.length > 40 ? `${v[0]}*${v.length}` : v;
  const text = JSON.stringify(value, short).replace(/"x{41,}"/g, (m) => `"x*${m.length - 2}"`);
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One case per bad value of a field (and its absence when required), applied to a fresh valid body. */
function fieldCases(
  path: string,
  spec: FieldSpec,
  base: (fx: Fixture) => any,
  { prefix = '', type = JSON_TYPE, note = '' } = {},
): MalformedCase[] {
  const bad = spec.required ? [...spec.bad, { ...INVALID, value: REMOVE }] : spec.bad;
  return bad.map(({ value, status, code }) => ({
    name: `${path}${note} ${prefix}${spec.path} = ${labelOf(value)}`,
    status,
    code,
    build(fx) {
      const body = base(fx);
      setPath(body, prefix + spec.path, resolve(value, fx));
      return request(path, toJson(body), type);
    },
  }));
}

/** A public endpoint called with a method it does not take. */
const WRONG_METHOD: Outcome = { status: 405, code: 'method_not_allowed' };

/** A case built by hand, named after its path. */
const caseOf = (
  path: string,
  name: string,
  build: (fx: Fixture) => Built,
  outcome?: Outcome,
): MalformedCase => ({
  name: `${path} ${name}`,
  ...outcome,
  build,
});

/** The public endpoints, each with a valid body and the content type it is sent with. */
const ENDPOINTS = [
  { path: '/v1/decide', type: JSON_TYPE, note: '', body: (fx: Fixture) => decideBody(fx.site) },
  { path: '/v1/feed', type: JSON_TYPE, note: '', body: (fx: Fixture) => decideBody(fx.site) },
  { path: '/v1/events', type: JSON_TYPE, note: '', body: (fx: Fixture) => eventsBody(fx) },
  { path: '/v1/events', type: TEXT_TYPE, note: ' (text/plain)', body: (fx: Fixture) => eventsBody(fx) },
];
/** The endpoints that take a user: decide and feed. */
const USER_ENDPOINTS = ENDPOINTS.slice(0, 2);

function malformedCases(): MalformedCase[] {
  const events = ENDPOINTS[2]!;
  const single = (fx: Fixture) => eventsBody(fx, 1);
  const mixed = (fx: Fixture) => eventsBody(fx, 3);
  const eventWith = (fields: Record<string, unknown>) => (fx: Fixture) => {
    const body = eventsBody(fx, 3);
    for (const [path, value] of Object.entries(fields)) setPath(body.events[2], path, resolve(value, fx));
    return body;
  };
  return [
    ...USER_ENDPOINTS.flatMap((e) => DECIDE_FIELDS.flatMap((spec) => fieldCases(e.path, spec, e.body))),
    ...fieldCases(events.path, EVENTS_FIELD, single),
    ...fieldCases(events.path, { ...DECIDE_FIELDS[0]!, path: 'site' }, single),
    // Each event field twice: alone in a JSON batch, and last in a text/plain batch after two valid events.
    ...EVENT_FIELDS.flatMap((spec) => [
      ...fieldCases(events.path, spec, single, { prefix: 'events.0.' }),
      ...fieldCases(events.path, spec, mixed, {
        prefix: 'events.2.',
        type: TEXT_TYPE,
        note: ' (text/plain)',
      }),
    ]),
    ...EVENT_RULES.map(({ label, fields, outcome }) =>
      caseOf(
        events.path,
        label,
        (fx) => request(events.path, toJson(eventWith(fields)(fx)), TEXT_TYPE),
        outcome,
      ),
    ),
    ...ENDPOINTS.flatMap((e) =>
      BODIES.map(({ label, body, outcome }) =>
        caseOf(
          `${e.path}${e.note}`,
          label,
          (fx) => request(e.path, body(JSON.stringify(e.body(fx))), e.type),
          outcome,
        ),
      ),
    ),
    ...ENDPOINTS.slice(0, 3).flatMap((e) =>
      [...CONTENT_TYPES, ...(e.path === events.path ? [] : TEXT_TYPES)].map((type) =>
        caseOf(e.path, `as ${type}`, (fx) => request(e.path, JSON.stringify(e.body(fx)), type), MEDIA_TYPE),
      ),
    ),
    ...ENDPOINTS.slice(0, 3).flatMap((e) =>
      FOREIGN_ORIGINS.map((origin) =>
        caseOf(
          e.path,
          `from origin ${origin}`,
          (fx) => request(e.path, JSON.stringify(lockedBody(e.path, fx)), JSON_TYPE, { origin }),
          { status: 403, code: 'origin_not_allowed' },
        ),
      ),
    ),
    ...USER_ENDPOINTS.flatMap((e) => [
      caseOf(
        e.path,
        'without the required token',
        (fx) => request(e.path, JSON.stringify(decideBody(fx.verifiedSite))),
        {
          status: 401,
          code: 'token_required',
        },
      ),
      ...(['wrongSecret', 'expired', 'algNone', 'tampered', 'wrongAlg', 'junk'] as const).map((kind) =>
        caseOf(
          e.path,
          `with a ${kind} token`,
          (fx) => {
            const body = decideBody(fx.verifiedSite);
            body.user.token = fx.tokens[kind];
            return request(e.path, JSON.stringify(body));
          },
          { status: 401, code: 'invalid_token' },
        ),
      ),
    ]),
    ...USER_ENDPOINTS.flatMap((e) =>
      PROTOTYPE_BODIES.map(({ label, body }) =>
        caseOf(e.path, label, (fx) => request(e.path, body(fx)), INVALID),
      ),
    ),
    ...PROTOTYPE_EVENTS.map(({ label, body }) =>
      caseOf(events.path, label, (fx) => request(events.path, body(fx)), INVALID),
    ),
    ...ENDPOINTS.slice(0, 3).flatMap((e) =>
      ['GET', 'PUT', 'PATCH', 'DELETE'].map((method) =>
        caseOf(
          e.path,
          `by ${method}`,
          (fx) => ({ ...request(e.path, undefined), method, path: `${e.path}?site=${fx.site}` }),
          WRONG_METHOD,
        ),
      ),
    ),
    ...['POST', 'PUT', 'PATCH', 'DELETE'].map((method) =>
      caseOf(
        '/healthz',
        `by ${method} with a junk query`,
        () => ({ ...request('/healthz?verbose=%ff&__proto__[a]=1', '{}'), method }),
        WRONG_METHOD,
      ),
    ),
    ...['/healthz/extra', '/healthzz', '/healthz%00', '/v1/decide/extra'].map((path) =>
      caseOf(path, 'by GET', () => ({ method: 'GET', path, headers: {} })),
    ),
  ];
}

/** A valid body for the site that allows one origin: events carry no message, so only the origin is wrong. */
function lockedBody(path: string, fx: Fixture): unknown {
  if (path !== '/v1/events') return decideBody(fx.lockedSite);
  const event = validEvent(fx);
  event.type = 'track';
  delete event.messageId;
  return { site: fx.lockedSite, events: [event] };
}

/** Every user id and anonymous id a body names, found without recursion (bodies nest 150 000 deep). */
function namedUsers(requests: Built[]): string[] {
  const keys = new Set<string>(['u_mal_1', 'a_mal_1']);
  for (const { body } of requests) {
    let parsed: unknown;
    try {
      parsed = typeof body === 'string' ? JSON.parse(body) : undefined;
    } catch {
      continue;
    }
    const stack = [parsed];
    while (stack.length > 0) {
      const node = stack.pop();
      if (typeof node !== 'object' || node === null) continue;
      const user = (node as any).user;
      if (typeof user === 'object' && user !== null) {
        for (const key of [user.id, user.anonymousId]) if (typeof key === 'string') keys.add(key);
      }
      stack.push(...Object.values(node));
    }
  }
  return [...keys];
}

const cases = malformedCases();

/** Sends one built request to the app in-process. */
const send = (t: TestApp, req: Built) =>
  t.app.request(req.path, {
    method: req.method,
    headers: req.headers,
    ...(req.body === undefined ? {} : { body: req.body }),
  });

describe.each(STORES)('malformed public requests on %s', (kind) => {
  let t: TestApp;
  let fx: Fixture;
  let siteIds: string[];
  let userKeys: string[];
  let before: Record<string, string>;
  const built = new Map<MalformedCase, Built>();
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);

  /** Everything a refused request must leave as it was: events, sites, messages, releases, user states. */
  async function snapshot(): Promise<Record<string, string>> {
    const { store } = t;
    const states = siteIds.flatMap((site) => userKeys.map((key) => store.getUserState(site, [key])));
    return {
      events: String(await store.countEvents()),
      sites: JSON.stringify(await store.listSites()),
      messages: JSON.stringify(await Promise.all(siteIds.map((id) => store.listMessages(id)))),
      releases: JSON.stringify(await Promise.all(siteIds.map((id) => store.listReleases(id)))),
      users: JSON.stringify(await Promise.all(states)),
    };
  }

  beforeAll(async () => {
    t = await appOn(kind);
    const main = await createSite(t, { name: 'Main' });
    const other = await createSite(t, { name: 'Other' });
    const locked = await createSite(t, { name: 'Locked', allowedOrigins: ['https://app.example.com'] });
    const verified = await createSite(t, { name: 'Verified', identityVerification: 'required' });
    const message = await publishMessage(t, main.id, {
      ...announcement({ kind: 'survey', display: { style: 'slideout' } }),
      survey: { scale: 'stars5' },
    });
    const served = await t.post('/v1/decide', {
      site: main.publicKey,
      user: { id: 'u_mal_1', anonymousId: 'a_mal_1' },
    });
    fx = {
      site: main.publicKey,
      message,
      receipt: served.body.messages[0].receipt,
      otherMessage: await publishMessage(t, other.id, announcement()),
      lockedSite: locked.publicKey,
      verifiedSite: verified.publicKey,
      tokens: await makeTokens(verified.secret),
    };
    // History and traits for the named user, so that "unchanged" means more than "still empty".
    const seeded = await t.post('/v1/events', {
      site: fx.site,
      events: [{ ...validEvent(fx), type: 'impression' }],
    });
    expect(seeded.body).toEqual({ accepted: 1, duplicates: 0 });
    const seen = await t.post('/v1/decide', {
      site: fx.site,
      user: { id: 'u_mal_1', traits: { city: 'Boston' } },
    });
    expect(seen.status).toBe(200);

    for (const c of cases) built.set(c, c.build(fx));
    siteIds = [main, other, locked, verified].map((s) => s.id);
    userKeys = namedUsers([...built.values()]);
    before = await snapshot();
  });
  afterAll(() => t.close());

  // Each case on its own: refused with the contract's status and code, and nothing stored changed by it
  // (compared with the state before any case ran, so the first case that writes is the one that fails).
  it.each(cases)('refuses $name and changes nothing', async (c) => {
    const res = await send(t, built.get(c) as Built);
    const text = await res.text();
    expect(res.status, text).toBeGreaterThanOrEqual(400);
    expect(res.status, text).toBeLessThan(500);
    if (c.status !== undefined) expect(res.status, text).toBe(c.status);
    const body = JSON.parse(text);
    expect(body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    if (c.code !== undefined) expect(body.error.code).toBe(c.code);
    expect(await snapshot()).toEqual(before);
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
    expect(({} as any).site ?? ({} as any).id ?? ({} as any).events).toBeUndefined();
  });

  it('still answers a valid decide and stores a valid event batch after every malformed request', async () => {
    // Sent here, not relied on from the cases above, so this test holds when run alone or first.
    for (const c of cases) await send(t, built.get(c) as Built);
    const decided = await t.post('/v1/decide', decideBody(fx.site));
    expect(decided.status).toBe(200);
    expect(decided.body.messages.map((m: { id: string }) => m.id)).toEqual([fx.message]);
    expect((await t.post('/v1/feed', decideBody(fx.site))).status).toBe(200);
    const count = await t.store.countEvents();
    const stored = await t.post('/v1/events', eventsBody(fx, 2));
    expect(stored.body).toEqual({ accepted: 2, duplicates: 0 });
    expect(await t.store.countEvents()).toBe(count + 2);
    const text = await t.app.request('/v1/events', {
      method: 'POST',
      headers: { 'content-type': TEXT_TYPE },
      body: JSON.stringify(eventsBody(fx, 1)),
    });
    expect(await text.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('answers GET /healthz with a junk query as healthy', async () => {
    for (const query of ['?verbose=%ff', '?__proto__[a]=1&constructor=x', `?${'a'.repeat(10_000)}=1`]) {
      const res = await t.app.request(`/healthz${query}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, storage: 'ok' });
    }
  });
});
