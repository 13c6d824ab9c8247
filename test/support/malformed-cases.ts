import { randomUUID } from 'node:crypto';
import { sign } from 'hono/jwt';

/**
 * The catalogue of malformed public requests: for each field of a valid body, the values it must refuse,
 * and the status and error code the contract asks for. `test/api/malformed.test.ts` turns the tables into
 * requests. Values that depend on the database (keys, ids) are `FromFixture`; JSON that `JSON.stringify`
 * cannot write (NaN, 1e999, deep nesting) is `Raw`.
 */

/** Keys and ids the cases need, made by the test's database at run time. */
export type Fixture = {
  /** A site with open origins and no identity verification. */
  site: string;
  /** A live survey (five stars) of `site`. */
  message: string;
  /** The receipt decide served `message` with to `u_mal_1`, so that the valid event counts. */
  receipt: string;
  /** A live message of another site. */
  otherMessage: string;
  /** A site that allows only https://app.example.com. */
  lockedSite: string;
  /** A site that requires a signed identity token. */
  verifiedSite: string;
  tokens: Tokens;
};

/** JSON text put into a body as is. */
export class Raw {
  constructor(
    readonly text: string,
    readonly label: string = text,
  ) {}
}

/** A value that depends on the fixture, e.g. another site's message id. */
export class FromFixture {
  constructor(
    readonly get: (fx: Fixture) => unknown,
    readonly label: string,
  ) {}
}

/** Deletes the field. */
export const REMOVE = Symbol('missing');

export type Outcome = { status: number; code: string };
export const INVALID: Outcome = { status: 400, code: 'invalid_request' };
const NOT_JSON: Outcome = { status: 400, code: 'invalid_json' };
const UNKNOWN_SITE: Outcome = { status: 404, code: 'unknown_site' };
const UNKNOWN_MESSAGE: Outcome = { status: 400, code: 'unknown_message' };
const OFF_SCALE: Outcome = { status: 400, code: 'invalid_rating' };
const TOO_LARGE: Outcome = { status: 413, code: 'payload_too_large' };
export const MEDIA_TYPE: Outcome = { status: 415, code: 'unsupported_media_type' };

/** A value a field must refuse, and how. */
type Bad = Outcome & { value: unknown };
/** A field path (`events.0.user.id`) with the values it must refuse; `required` adds its absence. */
export type FieldSpec = { path: string; bad: Bad[]; required?: boolean };

const fixed = (get: (fx: Fixture) => unknown, label: string) => new FromFixture(get, label);
const long = (n: number) => 'x'.repeat(n);
const deepArray = (depth: number) => new Raw('['.repeat(depth) + ']'.repeat(depth), `[[…]] ${depth} deep`);
const deepObject = (depth: number) =>
  new Raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, `{a:{…}} ${depth} deep`);
const as = (outcome: Outcome, values: unknown[]): Bad[] => values.map((value) => ({ ...outcome, value }));

const NOT_STRING = [null, 0, -1, 1.5, true, false, [], {}, ['x'], { $ne: null }];
const NOT_OBJECT = [null, 0, true, 'x', [], [{}], deepArray(5000)];

/** Every wrong type, the empty string unless allowed, one char too long, a huge string and deep nesting. */
function badString(max: number, { emptyOk = false } = {}): Bad[] {
  const values = [...NOT_STRING, long(max + 1), long(200_000), deepArray(5000), new Raw('1e999')];
  return as(INVALID, emptyOk ? values : [...values, '']);
}

/** Site keys that name no site: near misses, unicode junk and prototype names. */
const UNKNOWN_KEYS = [
  'pk_nope',
  'pk_demo',
  long(100),
  fixed((fx) => `${fx.site} `, 'the key and a space'),
  fixed((fx) => fx.site.toUpperCase(), 'the key in upper case'),
  '\ud800',
  '\u202eomed_kp',
  'ｐｋ＿ｄｅｍｏ',
  '🦄'.repeat(25),
  "pk' OR '1'='1",
  '__proto__',
  'constructor',
  'toString',
];

const SITE: Bad[] = [
  ...badString(100),
  // PostgreSQL text cannot hold NUL: refused as invalid everywhere, before any lookup.
  ...as(INVALID, [fixed((fx) => `${fx.site}\u0000`, 'the key and a NUL')]),
  ...as(NOT_JSON, [new Raw('NaN'), new Raw('-Infinity'), new Raw('undefined')]),
  ...as(UNKNOWN_SITE, UNKNOWN_KEYS),
];

/** The fields of a decide or feed body. */
export const DECIDE_FIELDS: FieldSpec[] = [
  { path: 'site', bad: SITE, required: true },
  {
    path: 'user',
    required: true,
    bad: as(INVALID, [...NOT_OBJECT, 'u_mal_1', {}, { traits: { city: 'Austin' } }, { token: 'x' }]),
  },
  { path: 'user.id', bad: badString(200) },
  { path: 'user.anonymousId', bad: badString(200) },
  {
    path: 'user.traits',
    bad: as(INVALID, [
      ...NOT_OBJECT,
      [['city', 'Austin']],
      { [long(101)]: 1 },
      { d: deepObject(5000) },
      { d: deepObject(40_000) },
      { d: deepArray(5000) },
      { city: 'Austin', address: deepObject(9) },
    ]),
  },
  { path: 'user.token', bad: as(INVALID, [...NOT_STRING, long(4001), long(200_000)]) },
  { path: 'context', bad: as(INVALID, NOT_OBJECT) },
  { path: 'context.url', bad: badString(4000, { emptyOk: true }) },
  { path: 'context.locale', bad: badString(50, { emptyOk: true }) },
];

const UUID = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11';
const EVENT_IDS = [
  'not-a-uuid',
  UUID.replaceAll('-', ''),
  `${UUID}x`,
  `{${UUID}}`,
  `urn:uuid:${UUID}`,
  'a0eebc99-9c0b-0ef8-bb6d-6bb9bd380a11',
  'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  UUID.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))),
];

const TIMESTAMPS = [
  'yesterday',
  '2026-11-26',
  '2026-11-26T10:00:00',
  '2026-11-26 10:00:00Z',
  '2026-13-01T10:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-11-26T25:00:00Z',
  '2026-11-26T10:00:00+25:00',
  '2026-11-26T10:00:00Z\u0000',
  '٢٠٢٦-١١-٢٦T10:00:00Z',
  'NaN',
  'Infinity',
  1764151200000,
];

/** Ids of no message at all are not malformed: they are ignored (`test/api/events-results.test.ts`). */
const MESSAGES_OF_ANOTHER_SITE = [fixed((fx) => fx.otherMessage, "another site's message")];

/** The fields of one event. */
export const EVENT_FIELDS: FieldSpec[] = [
  { path: 'id', required: true, bad: [...badString(36), ...as(INVALID, EVENT_IDS)] },
  {
    path: 'type',
    required: true,
    bad: [...badString(20), ...as(INVALID, ['Impression', 'view', 'click ', 'dismiss\u0000', 'ｃｌｉｃｋ'])],
  },
  {
    path: 'messageId',
    required: true,
    bad: [...badString(64), ...as(UNKNOWN_MESSAGE, MESSAGES_OF_ANOTHER_SITE)],
  },
  { path: 'name', bad: badString(200) },
  {
    path: 'value',
    bad: [
      ...as(INVALID, [null, '4', true, [], {}, 1001, -1001, new Raw('1e999'), new Raw('-1e999')]),
      ...as(NOT_JSON, [new Raw('NaN'), new Raw('Infinity')]),
      // Well-formed numbers off the survey's five-star scale.
      ...as(OFF_SCALE, [0, 6, 3.5, 1000, -3]),
    ],
  },
  { path: 'receipt', bad: badString(200, { emptyOk: true }) },
  { path: 'text', bad: badString(5000, { emptyOk: true }) },
  {
    path: 'props',
    bad: as(INVALID, [
      ...NOT_OBJECT,
      { nested: { a: 1 } },
      { list: [1] },
      { [long(101)]: 1 },
      { k: long(1001) },
      { k: new Raw('1e999') },
    ]),
  },
  { path: 'at', required: true, bad: [...badString(40), ...as(INVALID, TIMESTAMPS)] },
  { path: 'user', required: true, bad: as(INVALID, [...NOT_OBJECT, {}, { traits: { city: 'Austin' } }]) },
  { path: 'user.id', bad: badString(200) },
  { path: 'user.anonymousId', bad: badString(200) },
];

/** Rules across the fields of one event: each entry sets (or removes) several fields. */
export const EVENT_RULES: { label: string; fields: Record<string, unknown>; outcome: Outcome }[] = [
  { label: 'a goal without a name', fields: { type: 'goal', name: REMOVE }, outcome: INVALID },
  { label: 'a track without a name', fields: { type: 'track', name: REMOVE }, outcome: INVALID },
  {
    label: 'an impression without a message',
    fields: { type: 'impression', messageId: REMOVE },
    outcome: INVALID,
  },
  { label: 'a dismiss without a message', fields: { type: 'dismiss', messageId: REMOVE }, outcome: INVALID },
  { label: 'a response without value or text', fields: { value: REMOVE, text: REMOVE }, outcome: INVALID },
  {
    label: 'a user with neither id',
    fields: { 'user.id': REMOVE, 'user.anonymousId': REMOVE },
    outcome: INVALID,
  },
  {
    label: "a click on another site's message",
    fields: { type: 'click', messageId: fixed((fx) => fx.otherMessage, '') },
    outcome: UNKNOWN_MESSAGE,
  },
  {
    label: "a goal naming another site's message",
    fields: { type: 'goal', messageId: fixed((fx) => fx.otherMessage, '') },
    outcome: UNKNOWN_MESSAGE,
  },
];

/** A valid decide (or feed) body. Its traits differ from the ones the test stored, so an accepted one would show. */
export function decideBody(site: string): Record<string, any> {
  return {
    site,
    user: { id: 'u_mal_1', anonymousId: 'a_mal_1', traits: { city: 'Austin', plan: 'pro' } },
    context: { url: 'https://app.example.com/app', locale: 'en' },
  };
}

/** A valid event with every field set. */
export function validEvent(fx: Fixture): Record<string, any> {
  return {
    id: randomUUID(),
    type: 'response',
    messageId: fx.message,
    name: 'rating',
    value: 4,
    text: 'Nice',
    props: { plan: 'pro', n: 1, ok: true, none: null },
    at: '2026-11-26T10:00:00Z',
    user: { id: 'u_mal_1', anonymousId: 'a_mal_1' },
    receipt: fx.receipt,
  };
}

export function eventsBody(fx: Fixture, count = 1, site = fx.site): Record<string, any> {
  return { site, events: Array.from({ length: count }, () => validEvent(fx)) };
}

/** Values the `events` array itself must refuse. */
export const EVENTS_FIELD: FieldSpec = {
  path: 'events',
  required: true,
  bad: [
    ...as(INVALID, [
      ...NOT_OBJECT,
      [null],
      ['x'],
      [[]],
      fixed((fx) => ({ 0: validEvent(fx) }), 'an object keyed 0'),
      fixed((fx) => eventsBody(fx, 101).events, '101 valid events'),
    ]),
    {
      ...UNKNOWN_MESSAGE,
      value: fixed(
        (fx) => [...eventsBody(fx, 99).events, { ...validEvent(fx), messageId: fx.otherMessage }],
        "99 valid events and one of another site's message",
      ),
    },
  ],
};

/** Whole bodies that are not a request: empty, null, not JSON, cut short, too large. */
export const BODIES: {
  label: string;
  body: (valid: string) => string | Uint8Array<ArrayBuffer> | undefined;
  outcome: Outcome;
}[] = [
  { label: 'no body', body: () => undefined, outcome: NOT_JSON },
  { label: 'an empty body', body: () => '', outcome: NOT_JSON },
  ...['null', 'true', '0', '"pk_demo"', '[]', '{}'].map((b) => ({
    label: b,
    body: () => b,
    outcome: INVALID,
  })),
  { label: 'the request in an array', body: (v: string) => `[${v}]`, outcome: INVALID },
  ...[0.25, 0.5, 0.9].map((f) => ({
    label: `cut at ${f * 100}%`,
    body: (v: string) => v.slice(0, Math.floor(v.length * f)),
    outcome: NOT_JSON,
  })),
  { label: 'without its last brace', body: (v: string) => v.slice(0, -1), outcome: NOT_JSON },
  { label: 'twice in a row', body: (v: string) => v + v, outcome: NOT_JSON },
  { label: 'with trailing junk', body: (v: string) => `${v} x`, outcome: NOT_JSON },
  { label: 'with a trailing comma', body: (v: string) => `${v.slice(0, -1)},}`, outcome: NOT_JSON },
  { label: 'with single quotes', body: (v: string) => v.replaceAll('"', "'"), outcome: NOT_JSON },
  { label: 'with a comment', body: (v: string) => `// hi\n${v}`, outcome: NOT_JSON },
  { label: 'NaN', body: () => 'NaN', outcome: NOT_JSON },
  { label: 'XML', body: () => '<decide site="pk_demo"/>', outcome: NOT_JSON },
  { label: 'a form', body: () => 'site=pk_demo&user[id]=u_mal_1', outcome: NOT_JSON },
  { label: 'a lone surrogate', body: () => '\ud83d', outcome: NOT_JSON },
  {
    label: 'binary junk',
    body: () => new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0xc3, 0x28]),
    outcome: NOT_JSON,
  },
  { label: 'UTF-16', body: (v: string) => new Uint8Array(Buffer.from(v, 'utf16le')), outcome: NOT_JSON },
  {
    label: '300 KB of padding in a valid request',
    body: (v: string) => `${v.slice(0, -1)},"padding":"${long(300 * 1024)}"}`,
    outcome: TOO_LARGE,
  },
  { label: '1 MB of x', body: () => long(1024 * 1024), outcome: TOO_LARGE },
  { label: 'arrays nested 150000 deep', body: () => deepArray(150_000).text, outcome: TOO_LARGE },
];

/** Content types other than JSON; `text/plain` is refused except by /v1/events. */
export const CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/json',
  'application/json-patch+json',
  'application/json, text/plain',
  'application/octet-stream',
  '*/*',
  'json',
];
export const TEXT_TYPES = ['text/plain', 'text/plain;charset=UTF-8'];

/** Origins a site allowing only https://app.example.com must refuse. */
export const FOREIGN_ORIGINS = [
  'https://evil.example',
  'null',
  'https://app.example.com.evil.example',
  'http://app.example.com',
];

/** Bodies whose required fields hide behind prototype keys, which must not count as the fields themselves. */
export const PROTOTYPE_BODIES: { label: string; body: (fx: Fixture) => string }[] = [
  {
    label: 'site under __proto__',
    body: (fx) => `{"__proto__":{"site":"${fx.site}"},"user":{"id":"u_mal_1"}}`,
  },
  {
    label: 'user under __proto__',
    body: (fx) => `{"site":"${fx.site}","__proto__":{"user":{"id":"u_mal_1"}}}`,
  },
  {
    label: 'site under constructor.prototype',
    body: (fx) => `{"constructor":{"prototype":{"site":"${fx.site}"}},"user":{"id":"u_mal_1"}}`,
  },
  {
    label: 'user id under __proto__',
    body: (fx) => `{"site":"${fx.site}","user":{"__proto__":{"id":"u_mal_1"}}}`,
  },
  {
    label: 'user id under constructor',
    body: (fx) => `{"site":"${fx.site}","user":{"constructor":{"id":"u"}}}`,
  },
];

/** Event bodies whose required fields hide behind prototype keys. */
export const PROTOTYPE_EVENTS: { label: string; body: (fx: Fixture) => string }[] = [
  {
    label: 'events under __proto__',
    body: (fx) => `{"__proto__":{"events":${JSON.stringify(eventsBody(fx).events)}},"site":"${fx.site}"}`,
  },
  {
    label: 'an event under __proto__',
    body: (fx) => `{"site":"${fx.site}","events":[{"__proto__":${JSON.stringify(validEvent(fx))}}]}`,
  },
  {
    label: 'an event user under __proto__',
    body: (fx) => {
      const event = JSON.stringify({ ...validEvent(fx), user: undefined }).slice(0, -1);
      return `{"site":"${fx.site}","events":[${event},"user":{"__proto__":{"id":"u_mal_1"}}}]}`;
    },
  },
];

/** Identity tokens the verified site must refuse. */
export type Tokens = Record<'wrongSecret' | 'expired' | 'algNone' | 'tampered' | 'wrongAlg' | 'junk', string>;

export async function makeTokens(secret: string): Promise<Tokens> {
  const claims = { sub: 'u_mal_1', traits: { city: 'Austin' } };
  const good = await sign(claims, secret, 'HS256');
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const [head, , signature] = good.split('.');
  return {
    wrongSecret: await sign(claims, 'not-the-site-secret', 'HS256'),
    expired: await sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 3600 }, secret, 'HS256'),
    algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
    tampered: `${head}.${b64({ ...claims, traits: { city: 'Boston' } })}.${signature}`,
    wrongAlg: await sign(claims, secret, 'HS512'),
    junk: 'abc',
  };
}
