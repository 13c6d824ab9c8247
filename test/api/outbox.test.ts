import { afterAll, describe, expect, it } from 'vitest';
import { type PgInstance, pgInstance } from '../support/pg-instance.ts';
import { pgProblem, pgSchema } from '../support/pg-schema.ts';
import { webhookReceiver } from '../support/webhook-receiver.ts';

const problem = await pgProblem();
const TOKEN = 'outbox-token';

describe.skipIf(problem !== null)('the webhook outbox with two instances on one PostgreSQL', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('posts each notice once, in the order of the transitions, though both instances deliver at once', async () => {
    const db = await pgSchema();
    closers.push(() => db.drop());
    const fast = { webhookRetryDelaysMs: [50, 50, 50] };
    const instances = [await pgInstance(db.url, TOKEN, fast), await pgInstance(db.url, TOKEN, fast)];
    for (const x of instances) closers.push(x.close);
    const [a, b] = instances as [PgInstance, PgInstance];
    // Two failures: the first notice needs retries, and the later ones must wait for it.
    const hook = await webhookReceiver(2);
    closers.push(hook.close);
    const site = (await a.api('POST', '/api/sites', { name: 'Hooked', webhookUrl: hook.url })).body;
    const release = (
      await a.api('POST', `/api/sites/${site.id}/releases`, {
        key: 'hooked',
        name: 'Hooked',
        phases: [{ name: 'Pilot', percent: 10 }],
      })
    ).body;
    const actions = ['advance', 'pause', 'resume', 'pause', 'rollback'];
    for (const [i, action] of actions.entries()) {
      const via = i % 2 ? b : a;
      expect((await via.api('POST', `/api/releases/${release.id}/${action}`)).status).toBe(200);
    }
    // Both deliverers run, over and over, at the same time, until the outbox is empty.
    await Promise.all([a.app.webhooks.drain(), b.app.webhooks.drain(), a.app.webhooks.drain()]);
    expect(hook.bodies.map((body) => body.text)).toEqual([
      'Release “Hooked” advanced to “Pilot”: advanced by hand',
      'Release “Hooked” paused: paused by hand',
      'Release “Hooked” resumed in “Pilot”: resumed by hand',
      'Release “Hooked” paused: paused by hand',
      'Release “Hooked” rolled back: rolled back by hand',
    ]);
    expect(await a.store.pendingNotices()).toEqual([]);
  }, 60_000);
});
