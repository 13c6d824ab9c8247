import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { randomId } from '../../server/http/ids.ts';
import { nodePasswords } from '../../server/node/passwords.ts';
import { openStore } from '../../server/store/open-store.ts';
import type { Store } from '../../server/store/store.ts';
import { pgProblem, pgSchema } from '../support/pg-schema.ts';
import { CLIENT_IP_HEADER } from '../support/test-app.ts';

const problem = await pgProblem();
const TOKEN = 'shared-limits-token';
const MINUTE = 60_000;

/** One instance on the shared database with small limits; the test names each request's address. */
async function instance(url: string) {
  const store = await openStore(url);
  const app = createApp({
    store,
    clock: () => new Date(),
    ids: randomId,
    log: () => {},
    apiToken: TOKEN,
    publicUrl: 'http://localhost',
    // A cheap hash: this test counts failures, it does not measure their cost.
    passwords: nodePasswords({ N: 2 ** 10, r: 8, p: 1 }),
    clientIp: (c) => c.req.header(CLIENT_IP_HEADER),
    limits: { perAddress: { max: 10, windowMs: MINUTE } },
  });
  const call = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  return { store, call };
}

describe.skipIf(problem !== null)('limits shared by two instances on one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof pgSchema>>;
  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;
  const stores: Store[] = [];

  beforeAll(async () => {
    db = await pgSchema();
    a = await instance(db.url);
    b = await instance(db.url);
    stores.push(a.store, b.store);
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await db?.drop();
  });

  it('counts one address across both instances: its 11th request is refused by either', async () => {
    // A window could end between requests; the burst starts early in a fresh one.
    if (Date.now() % MINUTE > MINUTE - 10_000)
      await new Promise((r) => setTimeout(r, MINUTE - (Date.now() % MINUTE)));
    const site = (await a.call('/api/sites', { name: 'Shared' })).body;
    const from = { [CLIENT_IP_HEADER]: '203.0.113.50' };
    const decide = { site: site.publicKey, user: { id: 'u_1' }, context: {} };
    const answers = await Promise.all(
      Array.from({ length: 14 }, (_, i) => (i % 2 ? a : b).call('/v1/decide', decide, from)),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    expect((await a.call('/v1/decide', decide, { [CLIENT_IP_HEADER]: '198.51.100.3' })).status).toBe(200);
  });

  it('holds sign-in limits across instances: five failures on either refuse the sixth on both', async () => {
    await a.call('/api/accounts', {
      email: 'ops@example.com',
      password: 'the right password 1',
      role: 'admin',
    });
    const signIn = (x: typeof a, password: string) =>
      x.call('/api/session', { email: 'ops@example.com', password }, { authorization: '' });
    for (let i = 0; i < 5; i++) expect((await signIn(i % 2 ? a : b, `wrong ${i}`)).status).toBe(401);
    const onA = await signIn(a, 'the right password 1');
    const onB = await signIn(b, 'the right password 1');
    expect([onA.status, onB.status]).toEqual([429, 429]);
    expect(onA.body.error.code).toBe('too_many_attempts');
  });
});
