import { randomUUID } from 'node:crypto';
import { sign } from 'hono/jwt';

/** Keys and ids the cases need, made by the test's database at run time. */
export type Fixture = {
  /** A site with open origins and no identity verification. */
  site: string;
  /** A live message of `site`. */
  message: string;
  /** A live message of another site. */
  otherMessage: string;
  /** A site that allows only https://app.example.com. */
  lockedSite: string;
  /** A site that requires a signed identity token. */
  verifiedSite: string;
  tokens: Tokens;
};

/** One request as `app.request` takes it. */
export type Built = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
};

/** A request the public API must refuse: the status and code the contract asks for (any 4xx when open). */
export type MalformedCase = { name: string; status?: number; code?: string; build(fx: Fixture): Built };

/** JSON text put into a body as is: what `JSON.stringify` cannot write (NaN, 1e999, deep nesting). */
export class Raw {
  constructor(
    readonly text: string,
    readonly label: string = text,
  ) {}
}

/** A value that depends on the fixture, e.g. another site's message id. */
class FromFixture {
  constructor(
    readonly get: (fx: Fixture) => unknown,
    readonly label: string,
  ) {}
}

const REMOVE = Symbol('missing');
const INVALID = { status: 400, code: 'invalid_request' };
const NOT_JSON = { status: 400, code: 'invalid_json' };
const UNKNOWN_SITE = { status: 404, code: 'unknown_site' };
const UNKNOWN_MESSAGE = { status: 400, code: 'unknown_message' };

type Outcome = { status: number; code: string };
/** One change to a valid body, and what the server must answer. */
type Mutation = { label: string; apply(body: any, fx: Fixture): void } & Outcome;
type Bad = { value: unknown } & Outcome;

const fixed = (fn: (fx: Fixture) => unknown, label: string) => new FromFixture(fn, label);
const long = (n: number) => 'x'.repeat(n);
export const deepArray = (depth: number) =>
  new Raw('['.repeat(depth) + ']'.repeat(depth), `[[…]] ${depth} deep`);
const as = (outcome: Outcome, values: unknown[]): Bad[] => values.map((value) => ({ value, ...outcome }));

const NOT_STRING = [null, 0, -1, 1.5, true, false, [], {}, ['x'], { $ne: null }];
const NOT_OBJECT = [null, 0, true, 'x', [], [{}], deepArray(5000)];
const NOT_JSON_VALUES = [new Raw('NaN'), new Raw('-Infinity'), new Raw('undefined')];

/** Every wrong type, the empty string unless allowed, one char too long, a huge string and deep nesting. */
function badString(max: number, { emptyOk = false } = {}): Bad[] {
  const values = [...NOT_STRING, long(max + 1), long(200_000), deepArray(5000), new Raw('1e999')];
  return as(INVALID, emptyOk ? values : [...values, '']);
}

const USER = { id: 'u_mal_1', anonymousId: 'a_mal_1' };

/** Site keys that name no site: near misses, unicode junk and prototype names. */
const UNKNOWN_KEYS = [
  'pk_nope',
  'pk_demo',
  long(100),
  fixed((fx) => `${fx.site} `, 'the key with a trailing space'),
  fixed((fx) => fx.site.toUpperCase(), 'the key in upper case'),
  fixed((fx) => `${fx.site}\u0000`, 'the key and a NUL'),
  '\ud800',
  '\u202eomed_kp',
  'ｐｋ＿ｄｅｍｏ',
  '🦄'.repeat(25),
  "pk' OR '1'='1",
  '__proto__',
  'constructor',
  'toString',
];

const SITE: Bad[] = [...badString(100), ...as(NOT_JSON, NOT_JSON_VALUES), ...as(UNKNOWN_SITE, UNKNOWN_KEYS)];

/** Field paths of a decide or feed body, each with values it must refuse; `required` adds its absence. */
const DECIDE_FIELDS: { path: string; bad: Bad[]; required?: boolean }[] = [
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
    bad: as(INVALID, [...NOT_OBJECT, [['city', 'Austin']], { [long(101)]: 1 }]),
  },
  { path: 'user.token', bad: as(INVALID, [...NOT_STRING, long(4001), long(200_000)]) },
  { path: 'context', bad: as(INVALID, NOT_OBJECT) },
  { path: 'context.url', bad: badString(4000, { emptyOk: true }) },
  { path: 'context.locale', bad: badString(50, { emptyOk: true }) },
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

const UUID = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11';
const EVENT_IDS = [
  'not-a-uuid',
  '123',
  UUID.replaceAll('-', ''),
  `${UUID}x`,
  `{${UUID}}`,
  `urn:uuid:${UUID}`,
  'a0eebc99-9c0b-0ef8-bb6d-6bb9bd380a11',
  'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  UUID.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))),
];

const MESSAGE_IDS_OF_NO_ONE = [
  'msg_nope',
  fixed((fx) => fx.otherMessage, "another site's message"),
  fixed((fx) => `${fx.message} `, 'the id with a trailing space'),
  fixed((fx) => fx.message.toUpperCase(), 'the id in upper case'),
  '__proto__',
  'constructor',
  'toString',
  '\ud800',
];

/** Field paths of one event, each with values it must refuse. */
const EVENT_FIELDS: { path: string; bad: Bad[]; required?: boolean }[] = [
  { path: 'id', required: true, bad: [...badString(36), ...as(INVALID, EVENT_IDS)] },
  {
    path: 'type',
    required: true,
    bad: [
      ...badString(20),
      ...as(INVALID, ['Impression', 'view', 'impression ', 'dismiss\u0000', 'ｃｌｉｃｋ', '__proto__']),
    ],
  },
  {
    path: 'messageId',
    required: true,
    bad: [...badString(64), ...as(UNKNOWN_MESSAGE, MESSAGE_IDS_OF_NO_ONE)],
  },
  { path: 'name', bad: badString(200) },
  {
    path: 'value',
    bad: [
      ...as(INVALID, [null, '4', 'x', true, [], {}, 1001, -1001, new Raw('1e999'), new Raw('-1e999')]),
      ...as(NOT_JSON, [new Raw('NaN'), new Raw('Infinity')]),
    ],
  },
  { path: 'text', bad: badString(5000, { emptyOk: true }) },
  {
    path: 'props',
    bad: as(INVALID, [
      ...NOT_OBJECT,
      ['a'],
      { nested: { a: 1 } },
      { list: [1] },
      { [long(101)]: 1 },
      { k: long(1001) },
      { k: new Raw('1e999') },
    ]),
  },
  {
    path: 'at',
    required: true,
    bad: [...badString(40), ...as(INVALID, TIMESTAMPS), ...as(NOT_JSON, [new Raw('NaN')])],
  },
  { path: 'user', required: true, bad: as(INVALID, [...NOT_OBJECT, {}, { traits: { city: 'Austin' } }]) },
  { path: 'user.id', bad: badString(200) },
  { path: 'user.anonymousId', bad: badString(200) },
];

/** Rules across fields of one event. */
const EVENT_RULES: { label: string; fields: Record<string, unknown>; outcome: Outcome }[] = [
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
    fields: { user: { id: REMOVE, anonymousId: REMOVE } },
    outcome: INVALID,
  },
  {
    label: "a click on another site's message",
    fields: { type: 'click', messageId: fixed((fx) => fx.otherMessage, '') },
    outcome: UNKNOWN_MESSAGE,
  },
  {
    label: "a goal naming another site's message",
    fields: { type: 'goal', name: 'reservation_made', messageId: fixed((fx) => fx.otherMessage, '') },
    outcome: UNKNOWN_MESSAGE,
  },
];

export const validUser = USER;

/** A valid decide (or feed) body: the traits differ from what the test stored, so an accepted one would show. */
export function decideBody(fx: Fixture, site = fx.site): Record<string, any> {
  return {
    site,
    user: { ...USER, traits: { city: 'Austin', plan: 'pro' } },
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
    user: { ...USER },
  };
}

export function eventsBody(fx: Fixture, count = 1, site = fx.site): Record<string, any> {
  return { site, events: Array.from({ length: count }, () => validEvent(fx)) };
}

const EVENTS: Bad[] = as(INVALID, [
  ...NOT_OBJECT,
  [null],
  ['x'],
  [[]],
  fixed((fx) => ({ 0: validEvent(fx) }), 'an object keyed 0'),
  fixed((fx) => eventsBody(fx, 101).events, '101 valid events'),
]).concat({
  ...UNKNOWN_MESSAGE,
  value: fixed(
    (fx) => [...eventsBody(fx, 99).events, { ...validEvent(fx), messageId: fx.otherMessage }],
    "99 valid events and one on another site's message",
  ),
});

export type { Bad, Mutation, Outcome };
export {
  as,
  DECIDE_FIELDS,
  EVENT_FIELDS,
  EVENT_RULES,
  EVENTS,
  FromFixture,
  fixed,
  INVALID,
  NOT_JSON,
  REMOVE,
  SITE,
  UNKNOWN_MESSAGE,
  UNKNOWN_SITE,
};

/** Identity tokens the verified site must refuse. */
export type Tokens = Record<'wrongSecret' | 'expired' | 'algNone' | 'tampered' | 'wrongAlg', string>;

export async function makeTokens(secret: string): Promise<Tokens> {
  const claims = { sub: 'u_mal_1', traits: { city: 'Austin' } };
  const good = await sign(claims, secret, 'HS256');
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const [head, , sig] = good.split('.');
  return {
    wrongSecret: await sign(claims, 'not-the-site-secret', 'HS256'),
    expired: await sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 3600 }, secret, 'HS256'),
    algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
    tampered: `${head}.${b64({ ...claims, traits: { city: 'Boston' } })}.${sig}`,
    wrongAlg: await sign(claims, secret, 'HS512'),
  };
}
