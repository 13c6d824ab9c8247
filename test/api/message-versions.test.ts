import { beforeEach, expect, it } from 'vitest';
import type { Site } from '../../server/schema/site.ts';
import { eachStore } from '../support/both-stores.ts';
import { announcement, createSite } from '../support/test-app.ts';

eachStore('one write path for messages', (t) => {
  let site: Site;
  beforeEach(async () => {
    site = await createSite(t);
  });

  const draft = async () => {
    const res = await t.api('POST', `/api/sites/${site.id}/messages`, announcement({ name: 'Launch' }));
    expect(res.status).toBe(201);
    expect(res.body.version).toBe(0);
    return res.body as { id: string; version: number };
  };
  const stored = async (id: string) => (await t.api('GET', `/api/messages/${id}`)).body;

  it('counts every write in the version: edits and lifecycle actions', async () => {
    const { id } = await draft();
    const edited = await t.api('PATCH', `/api/messages/${id}`, { name: 'Launch 2', version: 0 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Launch 2', version: 1 });
    expect((await t.api('POST', `/api/messages/${id}/publish`)).body).toMatchObject({
      status: 'live',
      version: 2,
    });
    expect(await stored(id)).toMatchObject({ name: 'Launch 2', status: 'live', version: 2 });
  });

  it('refuses a save from an editor that loaded an older version, and changes nothing', async () => {
    const { id } = await draft();
    // Someone publishes while the editor still has version 0 open.
    expect((await t.api('POST', `/api/messages/${id}/publish`)).status).toBe(200);
    const stale = await t.api('PATCH', `/api/messages/${id}`, { name: 'Overwritten', version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('message_changed');
    expect(stale.body.error.message).toContain('now version 1, live');
    expect(await stored(id)).toMatchObject({ name: 'Launch', status: 'live', version: 1 });
  });

  it('lets exactly one of many saves from the same loaded version win; the others are told', async () => {
    const { id } = await draft();
    const names = ['A', 'B', 'C', 'D', 'E', 'F'];
    const answers = await Promise.all(
      names.map((name) => t.api('PATCH', `/api/messages/${id}`, { name, version: 0 })),
    );
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(names.length - 1);
    expect(await stored(id)).toMatchObject({ name: won[0]?.body.name, version: 1 });
  });

  it('applies edits without a version to the message as it is now: an edit never undoes a pause', async () => {
    const { id } = await draft();
    expect((await t.api('POST', `/api/messages/${id}/publish`)).status).toBe(200);
    // Edits (no version) and a pause race; whatever the order, the pause holds and every edit landed once.
    const answers = await Promise.all([
      t.api('PATCH', `/api/messages/${id}`, { name: 'Renamed' }),
      t.api('POST', `/api/messages/${id}/pause`),
      t.api('PATCH', `/api/messages/${id}`, { priority: 7 }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await stored(id)).toMatchObject({ name: 'Renamed', priority: 7, status: 'paused', version: 4 });
  });

  it('refuses a lifecycle action the status does not allow, and a bad version, changing nothing', async () => {
    const { id } = await draft();
    const pause = await t.api('POST', `/api/messages/${id}/pause`);
    expect(pause.status).toBe(409);
    expect(pause.body.error).toMatchObject({
      code: 'invalid_transition',
      message: 'a draft message cannot pause',
    });
    const bad = await t.api('PATCH', `/api/messages/${id}`, { name: 'x', version: -1 });
    expect(bad.status).toBe(400);
    expect(await stored(id)).toMatchObject({ name: 'Launch', status: 'draft', version: 0 });
  });
});
