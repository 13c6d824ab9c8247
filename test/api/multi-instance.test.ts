import { describe, expect, it } from 'vitest';
import { instancePair } from '../support/pg-instance.ts';
import { pgProblem } from '../support/pg-schema.ts';

const problem = await pgProblem();
const TOKEN = 'multi-instance-token';

describe.skipIf(problem !== null)('several instances on one PostgreSQL', () => {
  const pair = instancePair(TOKEN);

  it('shows a message published through one instance on the next decide of another (LISTEN/NOTIFY)', async () => {
    const { a, b } = pair;
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
