import fc from 'fast-check';
import type { DeclaredOperation as Operation } from '../../server/routes/docs/openapi.ts';

/**
 * Arbitraries (fast-check) for hostile requests to any documented endpoint: malformed JSON, wrong types,
 * huge and odd Unicode strings, `__proto__`/`constructor` keys, deep nesting, oversized bodies, odd path
 * segments and queries. `test/api/malformed.test.ts` pins the contract's answer to each known bad public
 * body; these explore the space around every endpoint, public and admin, looking for a 5xx.
 */

/** A request as sent: method, path (with query), content type and body text. */
export type FuzzRequest = { method: string; path: string; type?: string; body?: string };

/** Real ids for path parameters, so bodies reach validation instead of stopping at a 404. */
export type FuzzIds = {
  site: string;
  publicKey: string;
  message: string;
  release: string;
  account: string;
  userKey: string;
};

/** A valid body per endpoint, to be broken one field at a time. */
export type BaseBodies = Partial<Record<string, Record<string, unknown>>>;

const RAW = '\u0000raw\u0000';

const oddStrings = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }), // lone surrogates, control characters
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '',
    ' ',
    '\u0000',
    '\uFEFF',
    '\u202Eevil',
    'Ａ',
    '🏳️‍🌈',
    'e\u0301',
  ),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => '\u{1F600}'.repeat(n / 2)),
);

const proto = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty');
const keys = fc.oneof(proto, fc.string({ maxLength: 12 }), oddStrings);
/** Any JSON value, with prototype-ish and odd keys; a few levels deep. */
const anyJson = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2),
    oddStrings,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(keys, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** JSON text nested `n` levels deep (arrays or objects), which `JSON.stringify` of a value cannot build safely. */
const deep = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.boolean())
  .map(([n, arrays]) =>
    arrays ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`,
  );

/** Every path of a JSON object's values, as key lists. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

/** `base` with the value at `path` replaced (the root when `path` is empty). */
function replaced(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: any = Array.isArray(base) ? [...base] : { ...(base as object) };
  const [head, ...rest] = path as [string, ...string[]];
  Object.defineProperty(copy, head, {
    value: replaced(copy[head], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** A body for `op`: malformed text, any JSON, or its valid base with one value made hostile. */
export function bodies(base: Record<string, unknown>, limit: number): fc.Arbitrary<string> {
  const paths = pathsOf(base);
  const broken = fc
    .tuple(
      fc.constantFrom(...paths),
      fc.oneof(
        anyJson,
        deep.map((text) => ({ [RAW]: text })),
      ),
    )
    .map(([path, value]) => {
      const text = JSON.stringify(replaced(base, path, value));
      const raw = (value as Record<string, string> | null)?.[RAW];
      return raw === undefined ? text : text.replace(JSON.stringify({ [RAW]: raw }), raw);
    });
  const valid = JSON.stringify(base);
  const malformed = fc.oneof(
    fc.nat(valid.length - 1).map((n) => valid.slice(0, n)), // truncated
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom(
      '',
      'null',
      '[]',
      '"x"',
      '{',
      '{"a":1,}',
      "{'a':1}",
      'NaN',
      '1e999',
      '\uFEFF{}',
      '{"a":1}{"b":2}',
    ),
    proto.map((k) => `{"${k}":{"polluted":true},"site":"x"}`),
  );
  const oversized = fc
    .integer({ min: limit + 1, max: limit + 65_536 })
    .map((n) => `{"x":"${'a'.repeat(n)}"}`);
  return fc.oneof(
    { arbitrary: broken, weight: 20 },
    { arbitrary: anyJson.map((v) => JSON.stringify(v) ?? 'null'), weight: 8 },
    { arbitrary: malformed, weight: 8 },
    { arbitrary: oversized, weight: 1 },
  );
}

/** A path segment: odd Unicode, traversal, encoded separators, a huge one. */
export const segments = fc.oneof(
  oddStrings.map((s) => encodeURIComponent(s).slice(0, 2_000) || '%20'),
  fc.constantFrom('..', '%2e%2e', '%2F', '%00', 'null', 'undefined', '0', '-1', `msg_${'x'.repeat(300)}`),
);

/** A query string of odd keys and values. */
export const queries = fc
  .dictionary(
    fc.constantFrom('limit', 'offset', 'search', 'bucket', 'by', 'since', 'goal', '__proto__', 'x'),
    oddStrings,
    { maxKeys: 3 },
  )
  .map((q) => {
    const text = Object.entries(q)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).slice(0, 3_000)}`)
      .join('&');
    return text ? `?${text}` : '';
  });

/** The op's path with real ids, or with fuzzed segments where `fake` is set. */
export function pathOf(op: Operation, ids: FuzzIds, fake?: string): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (fake !== undefined) return fake;
    if (name === 'siteId') return ids.site;
    if (name === 'key') return encodeURIComponent(ids.userKey);
    if (op.path.startsWith('/api/messages/')) return ids.message;
    if (op.path.startsWith('/api/releases/')) return ids.release;
    if (op.path.startsWith('/api/accounts/')) return ids.account;
    return ids.site;
  });
}

/** Content types a client might send, most of them JSON. */
export const contentTypes = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/json; charset=utf-16',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'APPLICATION/JSON',
      '',
    ),
    weight: 2,
  },
);
