import fc from 'fast-check';
import { afterAll, beforeAll, expect } from 'vitest';
import type { DeclaredOperation as Operation } from '../../server/routes/docs/openapi.ts';
import {
  bodies,
  contentTypes,
  type FuzzIds,
  type FuzzRequest,
  pathOf,
  queries,
  segments,
} from './fuzz-requests.ts';
import { type FuzzTarget, fuzzTarget } from './fuzz-target.ts';

/** A valid body per endpoint (method and documented path), which the fuzzer breaks one value at a time. */
function baseBody(op: Operation, ids: FuzzIds): Record<string, unknown> {
  const user = { id: 'u_fuzz', traits: { plan: 'pro', address: { city: 'Austin' } } };
  const bases: Record<string, Record<string, unknown>> = {
    '/v1/decide': { site: ids.publicKey, user, context: { url: 'https://shop.example/a', locale: 'en' } },
    '/v1/feed': { site: ids.publicKey, user, context: {} },
    '/v1/events': {
      site: ids.publicKey,
      events: [
        {
          id: crypto.randomUUID(),
          type: 'response',
          messageId: ids.message,
          at: new Date().toISOString(),
          user,
          value: 4,
          text: 'ok',
        },
      ],
    },
    '/api/sites': {
      name: 'A site',
      allowedOrigins: ['https://shop.example'],
      attention: { maxPerDay: 3, minGapMinutes: 30 },
    },
    '/api/sites/{siteId}/messages': {
      kind: 'announcement',
      name: 'News',
      display: { style: 'modal' },
      content: { en: { title: 'Hello', body: 'Some **news**.' } },
      audience: { plan: { $in: ['pro'] } },
    },
    '/api/sites/{siteId}/releases': {
      key: 'rel',
      name: 'Rel',
      phases: [{ name: 'All', audience: {}, percent: 50 }],
    },
    '/api/sites/{siteId}/preview': { messageId: ids.message, user, context: {} },
    '/api/sites/{siteId}/audience-estimate': { audience: { plan: 'pro', age: { $gt: 3 } } },
    '/api/accounts': { email: 'new@example.com', password: 'a long password 12', role: 'viewer' },
    '/api/session': { email: 'fuzz@example.com', password: 'a fuzzed password 1' },
  };
  const patches: Record<string, Record<string, unknown>> = {
    '/api/sites/{id}': { name: 'Renamed', identityVerification: 'optional' },
    '/api/messages/{id}': { name: 'Renamed', priority: 3 },
    '/api/releases/{id}': { name: 'Renamed' },
    '/api/accounts/{id}': { role: 'viewer' },
  };
  return (op.method === 'patch' ? patches[op.path] : bases[op.path]) ?? {};
}

/** Whether a JSON text is a body the endpoint would accept: such a request may rightly change something. */
function acceptable(op: Operation, text: string): boolean {
  if (op.bodyOptional && text.trim() === '') return true;
  try {
    // The server decodes bodies as UTF-8 text, which drops a leading byte-order mark.
    return op.body?.safeParse(JSON.parse(text.replace(/^\uFEFF/, ''))).success === true;
  } catch {
    return false;
  }
}

/** Arbitrary hostile requests to one endpoint. Bodies the endpoint's own schema accepts are left out. */
function requestsFor(op: Operation, ids: FuzzIds): fc.Arbitrary<FuzzRequest> {
  const method = op.method.toUpperCase();
  const limit = op.tag === 'public' ? 256 * 1024 : 1024 * 1024;
  // Endpoints that act without a body (publish, pause, delete…) are aimed only at ids that do not exist.
  const fakePath = fc
    .tuple(segments, queries)
    .map(([s, q]) => ({ method, path: `${pathOf(op, ids, s)}${q}` }));
  if (method === 'GET') {
    const realPath = queries.map((q) => ({ method, path: `${pathOf(op, ids)}${q}` }));
    return op.path.includes('{') ? fc.oneof(realPath, fakePath) : realPath;
  }
  if (op.body === undefined) return op.path.includes('{') ? fakePath : fc.constant({ method, path: op.path });
  return (
    fc
      .tuple(bodies(baseBody(op, ids), limit), contentTypes)
      // Whatever the content type: fetch labels a string sent without one text/plain, which /v1/events reads.
      .filter(([body]) => !acceptable(op, body))
      .map(([body, type]) => ({ method, path: pathOf(op, ids), type, body }))
  );
}

/** Sends one request as a browser or script would; answers status and body text. */
async function send(target: FuzzTarget, req: FuzzRequest) {
  const headers: Record<string, string> = { authorization: `Bearer ${target.token}` };
  if (req.type) headers['content-type'] = req.type;
  const res = await fetch(`${target.base}${req.path}`, {
    method: req.method,
    headers,
    ...(req.body === undefined ? {} : { body: req.body }),
  });
  return { status: res.status, text: await res.text() };
}

/** Requests sent at once: a browser has several connections open, and it shortens the run. */
const CONCURRENCY = 10;

/** Checks one answer: below 500, and a refusal carries Herald's error body; a refused body is refused. */
async function check(target: FuzzTarget, req: FuzzRequest): Promise<void> {
  const { status, text } = await send(target, req);
  const where = `${req.method} ${req.path.slice(0, 200)} (${req.type ?? 'no type'}, ${req.body?.length ?? 0} bytes)`;
  expect(status, `${where} answered ${status}: ${text.slice(0, 300)}`).toBeLessThan(500);
  // 431 (headers or URL too long) comes from Node's HTTP parser, before the app: it has no JSON body.
  if (status >= 400 && status !== 431)
    expect(JSON.parse(text).error?.code, where).toEqual(expect.any(String));
  if (req.body !== undefined) expect(status, `${where} was accepted`).toBeGreaterThanOrEqual(400);
}

/**
 * Fuzzes every documented endpoint with about `runsPerEndpoint` requests, `CONCURRENCY` at a time;
 * returns how many were sent. The caller checks that nothing was stored and the process is healthy.
 */
export async function fuzzEveryEndpoint(
  target: FuzzTarget,
  runsPerEndpoint: number,
  seed?: number,
): Promise<number> {
  let sent = 0;
  for (const op of target.operations) {
    const batch = fc.array(requestsFor(op, target.ids), { minLength: CONCURRENCY, maxLength: CONCURRENCY });
    await fc.assert(
      fc.asyncProperty(batch, async (requests) => {
        await Promise.all(requests.map((req) => check(target, req)));
        sent += requests.length;
      }),
      { numRuns: Math.ceil(runsPerEndpoint / CONCURRENCY), ...(seed === undefined ? {} : { seed }) },
    );
  }
  return sent;
}

/**
 * A fuzz target on `engine` for the enclosing `describe`: started before its tests, closed after them.
 *
 * @example const env = fuzzEnv('sqlite'); it('…', () => expectFuzzedUnharmed(env.target, 250, 10_000));
 */
export function fuzzEnv(engine: 'sqlite' | 'postgres'): { target: FuzzTarget } {
  const env = { target: undefined as unknown as FuzzTarget };
  beforeAll(async () => {
    env.target = await fuzzTarget(engine);
  });
  afterAll(async () => {
    await env.target?.close();
  });
  return env;
}

/**
 * Sends `runs` hostile requests to every endpoint of `target` and checks it came out unharmed: at least
 * `atLeast` requests sent, no server error logged, no row stored, and still healthy.
 */
export async function expectFuzzedUnharmed(target: FuzzTarget, runs: number, atLeast: number, seed?: number) {
  const before = await target.countRows();
  const sent = await fuzzEveryEndpoint(target, runs, seed);
  expect(sent).toBeGreaterThanOrEqual(atLeast);
  expect(target.logged).toEqual([]);
  expect(await target.countRows()).toEqual(before);
  expect((await fetch(`${target.base}/healthz`)).status).toBe(200);
}
