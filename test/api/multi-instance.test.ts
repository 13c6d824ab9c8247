import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/store.ts';
import { type PgInstance, pgInstance } from '../support/pg-instance.ts';
import { pgProblem, pgSchema } from '../support/pg-schema.ts';

const problem = await pgProblem();
const TOKEN = 'multi-instance-token';

describe.skipIf(problem !== null)('several instances on one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof pgSchema>>;
  let a: PgInstance;
  let b: PgInstance;
  const stores: Store[] = [];

  beforeAll(async () => {
    db = await pgSchema();
    a = await pgInstance(db.url, TOKEN);
    b = await pgInstance(db.url, TOKEN);
    stores.push(a.store, b.store);
  });
  afterAll(async () => {
    for (const x of [a, b]) {
      await x?.close();
    }
    await db?.drop();
  });

  it('shows a message published through one instance on the next decide of another (LISTEN/NOTIFY)', async () => {
    const site = (await a.api('POST', '/api/sites', { name: 'Shared' })).body;
    const decide = async () =>
      (await b.api('POST', '/v1/decide', { site: site.publicKey, user: { anonymousId: 'anon-1' } })).body
        .messages;
    expect(await decide()).toEqual([]); // b now caches the site with no messages
    const message = (
      await a.api('POST', `/api/sites/${site.id}/messages`, {
        kind: 'announcement',
        name: 'Hello',
        display: { style: 'banner' },
        content: { en: { title: 'Hello' } },
      })
    ).body;
    await a.api('POST', `/api/messages/${message.id}/publish`);
    let shown: { id: string }[] = [];
    for (let i = 0; i < 50 && shown.length === 0; i++) {
      shown = await decide();
      if (shown.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(shown.map((m) => m.id)).toEqual([message.id]);
    await a.api('POST', `/api/messages/${message.id}/pause`);
    for (let i = 0; i < 50 && shown.length > 0; i++) {
      shown = await decide();
      if (shown.length > 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(shown).toEqual([]);
  });
});
