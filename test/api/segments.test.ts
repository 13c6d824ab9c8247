import { beforeEach, expect, it } from 'vitest';
import type { Site } from '../../server/schema/site.ts';
import { eachStore } from '../support/both-stores.ts';
import { announcement, createRelease, createSite, publishMessage } from '../support/test-app.ts';

const TEXAS = { city: { $in: ['Austin', 'Dallas', 'Houston', 'El Paso'] } };

eachStore('saved segments', (t) => {
  let site: Site;
  beforeEach(async () => {
    site = await createSite(t);
  });

  const segments = () => `/api/sites/${site.id}/segments`;
  const saveTexas = async () => {
    const res = await t.api('POST', segments(), { name: 'Texas', condition: TEXAS });
    expect(res.status).toBe(201);
    return res.body as { id: string; name: string };
  };
  const decide = (id: string, city: string) =>
    t.post('/v1/decide', { site: site.publicKey, user: { id, traits: { city } } });
  const shown = async (id: string, city: string) =>
    (await decide(id, city)).body.messages.map((m: { id: string }) => m.id);

  /** A message and a release phase, both on "Texas": the release started in that phase. */
  async function useTexas(texas: { id: string }) {
    const message = await publishMessage(t, site.id, announcement({ audience: { $segment: texas.id } }));
    const release = await createRelease(t, site.id, {
      key: 'offline-mode',
      name: 'Offline mode',
      phases: [
        { name: 'Texas', audience: { $segment: texas.id }, percent: 100 },
        { name: 'Everyone', audience: {}, percent: 100 },
      ],
    });
    expect((await t.api('POST', `/api/releases/${release.id}/advance`)).status).toBe(200);
    return { message, release: release.id as string };
  }

  it('edits an audience in one place: a message and a release phase follow the segment at once', async () => {
    const texas = await saveTexas();
    const { message } = await useTexas(texas);
    expect(await shown('u_dallas', 'Dallas')).toEqual([message]);
    expect((await decide('u_boston', 'Boston')).body.releases['offline-mode'].enabled).toBe(false);
    expect(await shown('u_boston', 'Boston')).toEqual([]);

    const edited = await t.api('PATCH', `${segments()}/${texas.id}`, {
      condition: { city: { $in: ['Austin', 'Boston'] } },
    });
    expect(edited.status).toBe(200);
    // A user decided before the edit: the site was compiled again, with no restart and no cache wait.
    expect((await decide('u_boston', 'Boston')).body.releases['offline-mode'].enabled).toBe(true);
    expect(await shown('u_boston', 'Boston')).toEqual([message]);
    // Dallas left the segment: no new Dallas user is reached, and the message no longer shows there.
    expect((await decide('u_dallas_2', 'Dallas')).body.releases['offline-mode'].enabled).toBe(false);
    expect(await shown('u_dallas_2', 'Dallas')).toEqual([]);
  });

  it('lists segments with what uses them, and refuses to delete one in use, naming the users', async () => {
    const texas = await saveTexas();
    await useTexas(texas);
    const list = await t.api('GET', segments());
    expect(list.body.segments).toEqual([
      expect.objectContaining({
        id: texas.id,
        name: 'Texas',
        condition: TEXAS,
        usedBy: [
          expect.objectContaining({ kind: 'message', name: 'Reserve ahead' }),
          expect.objectContaining({ kind: 'release', name: 'Offline mode', phase: 'Texas' }),
        ],
      }),
    ]);
    const refused = await t.api('DELETE', `${segments()}/${texas.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'segment_in_use',
      message: 'segment “Texas” is used by message “Reserve ahead”, release “Offline mode” (phase “Texas”)',
    });
    expect((await t.api('GET', `${segments()}/${texas.id}`)).status).toBe(200);

    const unused = await t.api('POST', segments(), { name: 'Boston', condition: { city: 'Boston' } });
    expect((await t.api('DELETE', `${segments()}/${unused.body.id}`)).status).toBe(204);
    expect((await t.api('GET', `${segments()}/${unused.body.id}`)).status).toBe(404);
  });

  it('refuses an audience that refers to a segment the site does not have, naming the field; stores nothing', async () => {
    const other = await createSite(t, { name: 'Other site' });
    const foreign = await t.api('POST', `/api/sites/${other.id}/segments`, {
      name: 'Texas',
      condition: TEXAS,
    });
    const message = await t.api(
      'POST',
      `/api/sites/${site.id}/messages`,
      announcement({ audience: { $or: [{ $segment: foreign.body.id }, { plan: 'pro' }] } }),
    );
    expect(message.status).toBe(400);
    expect(message.body.error.fields).toEqual({ audience: `no segment ${foreign.body.id} on this site` });
    const release = await t.api('POST', `/api/sites/${site.id}/releases`, {
      key: 'r',
      name: 'R',
      phases: [
        { name: 'Pilot', audience: {}, percent: 10 },
        { name: 'Texas', audience: { $segment: 'seg_nope' }, percent: 50 },
      ],
    });
    expect(release.status).toBe(400);
    expect(release.body.error.fields).toEqual({ 'phases.1.audience': 'no segment seg_nope on this site' });
    const listed = async (what: string) => (await t.api('GET', `/api/sites/${site.id}/${what}`)).body[what];
    expect(await listed('messages')).toEqual([]);
    expect(await listed('releases')).toEqual([]);
  });

  it('refuses a segment that refers to a segment, a malformed one and a second of the same name', async () => {
    const texas = await saveTexas();
    const nested = await t.api('POST', segments(), { name: 'Nested', condition: { $segment: texas.id } });
    expect(nested.status).toBe(400);
    expect(nested.body.error.fields.condition).toBe('a segment cannot refer to another segment');
    const bad = await t.api('POST', segments(), { name: 'Bad', condition: { city: { $in: 'Austin' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.condition).toBe('city.$in: must be an array');
    const twin = await t.api('POST', segments(), { name: 'texas', condition: {} });
    expect(twin.status).toBe(409);
    expect(twin.body.error.fields.name).toBeTruthy();
    expect((await t.api('GET', segments())).body.segments.map((s: { name: string }) => s.name)).toEqual([
      'Texas',
    ]);
  });

  it('names the segment in the preview and the user lookup', async () => {
    const texas = await saveTexas();
    const { message } = await useTexas(texas);
    const preview = await t.api('POST', `/api/sites/${site.id}/preview`, {
      messageId: message,
      user: { traits: { city: 'Boston' } },
    });
    expect(preview.body).toMatchObject({ show: false, reason: 'not-in-audience' });
    expect(preview.body.detail).toContain('segment “Texas”');
    await decide('u_boston', 'Boston');
    const lookup = await t.api('GET', `/api/sites/${site.id}/users/u_boston`);
    expect(lookup.status).toBe(200);
    expect(JSON.stringify(lookup.body)).toContain(
      'outside the audience of the current phase “Texas” (segment “Texas”)',
    );
  });
});
