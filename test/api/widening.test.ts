import { describe, expect, it } from 'vitest';
import { createRelease, createSite, eachTestApp } from '../support/test-app.ts';

const t = eachTestApp();

const phases = [
  { name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 100 },
  { name: 'Texas', audience: { city: { $in: ['Austin', 'Dallas', 'Houston'] } }, percent: 100 },
  { name: 'Everyone', audience: {}, percent: 100 },
];

describe('GET /api/releases/:id/widening', () => {
  it('says how many known users Start, Advance and Resume newly reach, as decide will', async () => {
    const site = await createSite(t);
    const rel = await createRelease(t, site.id, { key: 'offline', name: 'Offline mode', phases });
    const seen = [
      ...Array.from({ length: 6 }, (_, i) => [`u_austin_${i}`, 'Austin']),
      ...Array.from({ length: 3 }, (_, i) => [`u_dallas_${i}`, 'Dallas']),
      ...Array.from({ length: 4 }, (_, i) => [`u_boston_${i}`, 'Boston']),
    ];
    for (const [id, city] of seen)
      await t.post('/v1/decide', { site: site.publicKey, user: { id, traits: { city } } });
    /** What the release's widening says `action` would reach. */
    const widening = async (action: string) =>
      (await t.api('GET', `/api/releases/${rel.id}/widening?action=${action}`)).body;

    expect(await widening('advance')).toEqual({ known: 13, reachedNow: 0, reachedAfter: 6, newlyReached: 6 });
    await t.api('POST', `/api/releases/${rel.id}/advance`);
    expect(await widening('advance')).toEqual({ known: 13, reachedNow: 6, reachedAfter: 9, newlyReached: 3 });
    await t.api('POST', `/api/releases/${rel.id}/advance`);
    await t.api('POST', `/api/releases/${rel.id}/pause`);
    expect(await widening('resume')).toMatchObject({ reachedNow: 0, newlyReached: 9 });
    expect(await widening('complete')).toMatchObject({ reachedAfter: 13, newlyReached: 13 });
    // decide agrees: a Dallas user is reached once the release resumes in Texas.
    await t.api('POST', `/api/releases/${rel.id}/resume`);
    const d = await t.post('/v1/decide', {
      site: site.publicKey,
      user: { id: 'u_dallas_0', traits: { city: 'Dallas' } },
    });
    expect(d.body.releases.offline.enabled).toBe(true);
  });

  it('answers 400 for an unknown action, 409 for one that does not apply and 404 for no release; changes nothing', async () => {
    const site = await createSite(t);
    const rel = await createRelease(t, site.id, { key: 'offline', name: 'Offline mode', phases });
    const bad = await t.api('GET', `/api/releases/${rel.id}/widening?action=explode`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBeTruthy();
    const refused = await t.api('GET', `/api/releases/${rel.id}/widening?action=resume`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'invalid_transition',
      message: 'a draft release cannot resume',
    });
    expect((await t.api('GET', '/api/releases/rel_nope/widening?action=advance')).status).toBe(404);
    expect((await t.api('GET', `/api/releases/${rel.id}`)).body).toMatchObject({
      status: 'draft',
      version: rel.version,
    });
  });
});
