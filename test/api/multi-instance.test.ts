import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { randomId } from '../../server/http/ids.ts';
import { nodePasswords } from '../../server/node/passwords.ts';
import { pgChanges } from '../../server/node/pg-changes.ts';
import { openStore } from '../../server/store/open-store.ts';
import type { Store } from '../../server/store/store.ts';
import { pgProblem, pgSchema } from '../support/pg-schema.ts';

const problem = await pgProblem();
const TOKEN = 'multi-instance-token';

/** One Herald instance on the shared database, as a load balancer would see it. */
async function instance(url: string) {
  const store = await openStore(url);
  const changes = await pgChanges(url, () => {});
  const app = createApp({
    store,
    changes,
    clock: () => new Date(),
    ids: randomId,
    log: () => {},
    apiToken: TOKEN,
    publicUrl: 'http://localhost',
    passwords: nodePasswords(),
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  return { store, changes, call };
}

describe.skipIf(problem !== null)('several instances on one PostgreSQL', () => {
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
    for (const x of [a, b]) {
      await x?.changes.close();
      await x?.store.close();
    }
    await db?.drop();
  });

  it('shows a message published through one instance on the next decide of another (LISTEN/NOTIFY)', async () => {
    const site = (await a.call('POST', '/api/sites', { name: 'Shared' })).body;
    const decide = async () =>
      (await b.call('POST', '/v1/decide', { site: site.publicKey, user: { anonymousId: 'anon-1' } })).body
        .messages;
    expect(await decide()).toEqual([]); // b now caches the site with no messages
    const message = (
      await a.call('POST', `/api/sites/${site.id}/messages`, {
        kind: 'announcement',
        name: 'Hello',
        display: { style: 'banner' },
        content: { en: { title: 'Hello' } },
      })
    ).body;
    await a.call('POST', `/api/messages/${message.id}/publish`);
    let shown: { id: string }[] = [];
    for (let i = 0; i < 50 && shown.length === 0; i++) {
      shown = await decide();
      if (shown.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(shown.map((m) => m.id)).toEqual([message.id]);
    await a.call('POST', `/api/messages/${message.id}/pause`);
    for (let i = 0; i < 50 && shown.length > 0; i++) {
      shown = await decide();
      if (shown.length > 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(shown).toEqual([]);
  });
});
