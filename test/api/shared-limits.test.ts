import { describe, expect, it } from 'vitest';
import { nodePasswords } from '../../server/node/passwords.ts';
import { instancePair, type PgInstance } from '../support/pg-instance.ts';
import { pgProblem } from '../support/pg-schema.ts';
import { CLIENT_IP_HEADER } from '../support/test-app.ts';

const problem = await pgProblem();
const TOKEN = 'shared-limits-token';
const MINUTE = 60_000;

describe.skipIf(problem !== null)('limits shared by two instances on one PostgreSQL', () => {
  // Small limits, and each request comes from the address the test names.
  const pair = instancePair(TOKEN, {
    // A cheap hash: this test counts failures, it does not measure their cost.
    passwords: nodePasswords({ N: 2 ** 10, r: 8, p: 1 }),
    clientIp: (c) => c.req.header(CLIENT_IP_HEADER),
    limits: { perAddress: { max: 10, windowMs: MINUTE } },
  });

  it('counts one address across both instances: its 11th request is refused by either', async () => {
    const { a, b } = pair;
    // A window could end between requests; the burst starts early in a fresh one.
    if (Date.now() % MINUTE > MINUTE - 10_000)
      await new Promise((r) => setTimeout(r, MINUTE - (Date.now() % MINUTE)));
    const site = (await a.api('POST', '/api/sites', { name: 'Shared' })).body;
    const from = { [CLIENT_IP_HEADER]: '203.0.113.50' };
    const decide = { site: site.publicKey, user: { id: 'u_1' }, context: {} };
    const answers = await Promise.all(
      Array.from({ length: 14 }, (_, i) => (i % 2 ? a : b).api('POST', '/v1/decide', decide, from)),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    expect((await a.api('POST', '/v1/decide', decide, { [CLIENT_IP_HEADER]: '198.51.100.3' })).status).toBe(
      200,
    );
  });

  it('holds sign-in limits across instances: five failures on either refuse the sixth on both', async () => {
    const { a, b } = pair;
    await a.api('POST', '/api/accounts', {
      email: 'ops@example.com',
      password: 'the right password 1',
      role: 'admin',
    });
    const signIn = (x: PgInstance, password: string) =>
      x.api('POST', '/api/session', { email: 'ops@example.com', password }, { authorization: '' });
    for (let i = 0; i < 5; i++) expect((await signIn(i % 2 ? a : b, `wrong ${i}`)).status).toBe(401);
    const onA = await signIn(a, 'the right password 1');
    const onB = await signIn(b, 'the right password 1');
    expect([onA.status, onB.status]).toEqual([429, 429]);
    expect(onA.body.error.code).toBe('too_many_attempts');
  });
});
