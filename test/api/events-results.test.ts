import { describe, expect, it } from 'vitest';
import { eachStore } from '../support/both-stores.ts';
import { announcement, createSite, postServed, publishMessage, receipted } from '../support/test-app.ts';

const survey = {
  ...announcement({ kind: 'survey', display: { style: 'slideout' }, name: 'How was it?' }),
  content: { en: { title: 'How was reserving ahead?', body: '' } },
  survey: { scale: 'stars5', followUp: true },
};

function ev(
  type: string,
  messageId: string,
  user: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return { id: crypto.randomUUID(), type, messageId, at: '2026-11-26T09:00:00Z', user, ...extra };
}

eachStore('events and results', (t) => {
  describe('POST /v1/events', () => {
    it('counts an event sent twice once', async () => {
      const site = await createSite(t);
      const id = await publishMessage(t, site.id, announcement());
      const batch = {
        site: site.publicKey,
        events: await receipted(t, site, [
          ev('impression', id, { id: 'u_1' }),
          ev('click', id, { id: 'u_1' }),
        ]),
      };
      expect((await t.post('/v1/events', batch)).body).toEqual({ accepted: 2, duplicates: 0 });
      expect((await t.post('/v1/events', batch)).body).toEqual({ accepted: 0, duplicates: 2 });
      const results = await t.api('GET', `/api/messages/${id}/results`);
      expect(results.body.impressions).toBe(1);
      expect(results.body.clicks).toBe(1);
    });

    it('keeps the rest of a batch that names a deleted message, and ignores what names no message', async () => {
      const site = await createSite(t);
      const kept = await publishMessage(t, site.id, announcement({ name: 'Kept' }));
      const gone = await publishMessage(t, site.id, announcement({ name: 'Gone' }));
      const user = { id: 'u_1' };
      // Served before the deletion, so the widget holds receipts for both.
      const [gonePrint] = await receipted(t, site, [ev('impression', gone, user)]);
      expect((await t.api('DELETE', `/api/messages/${gone}`)).status).toBe(204);
      const noMessage = ['msg_nope', `${kept} `, kept.toUpperCase(), '__proto__', 'constructor', 'toString'];
      const events = await receipted(t, site, [
        ev('click', kept, user),
        ...noMessage.map((id) => ev('dismiss', id, user)),
        ev('response', kept, user, { text: 'Nice' }),
      ]);
      const res = await t.post('/v1/events', { site: site.publicKey, events: [gonePrint, ...events] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accepted: 2, duplicates: 0, ignored: 7 });
      const results = await t.api('GET', `/api/messages/${kept}/results`);
      expect(results.body.clicks).toBe(1);
      expect(results.body.dismissals).toBe(0);
    });

    it('accepts a text/plain body, as sendBeacon sends it', async () => {
      const site = await createSite(t);
      const id = await publishMessage(t, site.id, announcement());
      const res = await t.app.request('/v1/events', {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify({
          site: site.publicKey,
          events: await receipted(t, site, [ev('dismiss', id, { anonymousId: 'a_1' })]),
        }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ accepted: 1, duplicates: 0 });
    });

    it('answers many concurrent batches, each only after its events are stored', async () => {
      const site = await createSite(t);
      const id = await publishMessage(t, site.id, announcement());
      const batches = await Promise.all(
        Array.from({ length: 40 }, async (_, i) => ({
          site: site.publicKey,
          events: await receipted(
            t,
            site,
            Array.from({ length: 5 }, () => ev('impression', id, { id: `u_${i}` })),
          ),
        })),
      );
      const answers = await Promise.all(batches.map((b) => t.post('/v1/events', b)));
      expect(answers.every((a) => a.status === 200 && a.body.accepted === 5)).toBe(true);
      expect(await t.store.countEvents(site.id)).toBe(200);
    });
  });

  describe('GET /api/messages/:id/results', () => {
    it('matches the events sent: funnel, ratings and a breakdown by city', async () => {
      const site = await createSite(t);
      const id = await publishMessage(t, site.id, survey);
      const users = [
        { id: 'u_a1', city: 'Austin', rating: 5 },
        { id: 'u_a2', city: 'Austin', rating: 4 },
        { id: 'u_b1', city: 'Boston', rating: 2 },
        { id: 'u_x', city: undefined, rating: undefined },
      ];
      for (const u of users) {
        await t.post('/v1/decide', {
          site: site.publicKey,
          user: { id: u.id, traits: u.city ? { city: u.city } : {} },
        });
      }
      const events = users.flatMap((u) => [
        ev('impression', id, { id: u.id }),
        ev('impression', id, { id: u.id }),
        ...(u.rating
          ? [ev('response', id, { id: u.id }, { value: u.rating, text: `rated ${u.rating}` })]
          : [ev('dismiss', id, { id: u.id })]),
      ]);
      expect((await postServed(t, site, events)).status).toBe(200);

      const all = (await t.api('GET', `/api/messages/${id}/results`)).body;
      expect(all).toMatchObject({ impressions: 8, viewers: 4, clicks: 0, dismissals: 1, responses: 3 });
      expect(all.dismissRate).toBeCloseTo(1 / 4); // one of the four viewers dismissed
      expect(all.rating).toEqual({ average: 11 / 3, count: 3, distribution: { '2': 1, '4': 1, '5': 1 } });

      const byCity = (await t.api('GET', `/api/messages/${id}/results?by=trait:city`)).body;
      const austin = byCity.groups.find((g: { key: string }) => g.key === 'Austin');
      const boston = byCity.groups.find((g: { key: string }) => g.key === 'Boston');
      expect(austin).toMatchObject({
        impressions: 4,
        viewers: 2,
        responses: 2,
        rating: { average: 4.5, count: 2 },
      });
      expect(boston).toMatchObject({ impressions: 2, viewers: 1, responses: 1, rating: { average: 2 } });
      expect(byCity.groups.find((g: { key: string | null }) => g.key === null)).toMatchObject({
        viewers: 1,
        dismissals: 1,
      });
    });

    it('computes NPS for NPS surveys', async () => {
      const site = await createSite(t);
      const id = await publishMessage(t, site.id, { ...survey, survey: { scale: 'nps' } });
      const values = [10, 9, 9, 8, 7, 3, 0, 10, 10, 6];
      const events = values.map((v, i) => ev('response', id, { id: `u_${i}` }, { value: v }));
      await postServed(t, site, events);
      const res = (await t.api('GET', `/api/messages/${id}/results`)).body;
      expect(res.nps).toEqual({ score: 20, promoters: 5, passives: 2, detractors: 3, count: 10 });
    });

    it('refuses a breakdown it cannot compute', async () => {
      const site = await createSite(t);
      const id = await publishMessage(t, site.id, announcement());
      const res = await t.api('GET', `/api/messages/${id}/results?by=trait:bad name`);
      expect(res.status).toBe(400);
    });
  });

  describe('GET /api/messages/:id/responses', () => {
    it('lists responses with search and exports them as CSV', async () => {
      const site = await createSite(t);
      const id = await publishMessage(t, site.id, survey);
      const events = [
        ev('response', id, { id: 'u_1' }, { value: 5, text: 'Love it, "really"' }),
        ev('response', id, { id: 'u_2' }, { value: 2, text: '=HYPERLINK("x")' }),
      ];
      await postServed(t, site, events);
      const found = await t.api('GET', `/api/messages/${id}/responses?q=love`);
      expect(found.body.responses.map((r: { userId: string }) => r.userId)).toEqual(['u_1']);
      const csv = await t.app.request(`/api/messages/${id}/responses?format=csv`, {
        headers: { authorization: 'Bearer test-token' },
      });
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const text = await csv.text();
      expect(text.split('\r\n')[0]).toBe('id,messageId,userId,anonymousId,value,text,at,traits');
      expect(text).toContain('"Love it, ""really"""');
      expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    });
  });
});
