import { expect, it } from 'vitest';
import { eachStore } from '../support/both-stores.ts';
import {
  announcement,
  createRelease,
  createSite,
  postServed,
  publishMessage,
  surveyInput,
} from '../support/test-app.ts';

const phases = [{ name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 100 }];

eachStore('release goals', (t) => {
  const track = (id: string, name: string, at: Date, type = 'track') => ({
    id: crypto.randomUUID(),
    type,
    name,
    at: at.toISOString(),
    user: { id },
  });

  /** A started release with a 20% holdout; returns who of `n` Austin users was exposed and who held out. */
  async function reached(n: number) {
    const site = await createSite(t);
    const rel = await createRelease(t, site.id, {
      key: 'offline-mode',
      name: 'Offline mode',
      phases,
      holdoutPercent: 20,
      goal: { event: 'note_edited_offline' },
    });
    await t.api('POST', `/api/releases/${rel.id}/advance`);
    const exposed: string[] = [];
    const held: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = `u_${i}`;
      const res = await t.post('/v1/decide', {
        site: site.publicKey,
        user: { id, traits: { city: 'Austin' } },
      });
      (res.body.releases['offline-mode'].holdout ? held : exposed).push(id);
    }
    return { site, rel, exposed, held };
  }

  it('counts the track events the widget sends as conversions, with a lift and its interval', async () => {
    const { site, rel, exposed, held } = await reached(200);
    const later = new Date(t.clock.now.getTime() + 60_000);
    // Every exposed user converts, one in four held-out users does: the lift must be clearly above 0.
    const events = [
      ...exposed.map((id) => track(id, 'note_edited_offline', later)),
      ...held.filter((_, i) => i % 4 === 0).map((id) => track(id, 'note_edited_offline', later)),
    ];
    for (let i = 0; i < events.length; i += 100) {
      expect((await postServed(t, site, events.slice(i, i + 100))).status).toBe(200);
    }
    const report = (await t.api('GET', `/api/releases/${rel.id}/report`)).body;
    const heldConverted = Math.ceil(held.length / 4);
    expect(report.overall.goal.exposed).toMatchObject({ users: exposed.length, converted: exposed.length });
    expect(report.overall.goal.holdout).toMatchObject({ users: held.length, converted: heldConverted });
    expect(report.overall.goal.absolute).toBeCloseTo(1 - heldConverted / held.length, 9);
    expect(report.overall.goal.absoluteInterval.low).toBeGreaterThan(0);
    expect(report.overall.goal.absoluteInterval.high).toBeGreaterThanOrEqual(report.overall.goal.absolute);
  }, 60_000);

  it('counts goal events too, but not other names, nor a goal reached before exposure', async () => {
    const { site, rel, exposed } = await reached(20);
    const before = new Date(t.clock.now.getTime() - 60_000);
    const after = new Date(t.clock.now.getTime() + 60_000);
    const [a, b, c, d] = exposed;
    if (d === undefined) throw new Error('expected at least 4 exposed users of 20');
    await postServed(t, site, [
      track(a as string, 'note_edited_offline', after, 'goal'),
      track(b as string, 'note_edited_offline', after),
      track(b as string, 'note_edited_offline', after),
      track(c as string, 'something_else', after),
      track(d, 'note_edited_offline', before),
    ]);
    const report = (await t.api('GET', `/api/releases/${rel.id}/report`)).body;
    expect(report.overall.goal.exposed).toMatchObject({ users: exposed.length, converted: 2 });
  }, 60_000);
});

eachStore('message rates', (t) => {
  it('gives the click rate over viewers counted once: 3 viewers, 4 impressions, 1 click is 33%', async () => {
    const site = await createSite(t);
    const id = await publishMessage(t, site.id, announcement({ frequency: { mode: 'always' } }));
    const ev = (type: string, user: string) => ({
      id: crypto.randomUUID(),
      type,
      messageId: id,
      at: t.clock.now.toISOString(),
      user: { id: user },
    });
    const events = [
      ev('impression', 'u_1'),
      ev('impression', 'u_1'),
      ev('impression', 'u_2'),
      ev('impression', 'u_3'),
      ev('click', 'u_1'),
      ev('dismiss', 'u_2'),
      ev('dismiss', 'u_2'),
    ];
    expect((await postServed(t, site, events)).status).toBe(200);
    const results = (await t.api('GET', `/api/messages/${id}/results`)).body;
    expect(results).toMatchObject({ impressions: 4, viewers: 3, clicks: 1, clickers: 1, dismissals: 2 });
    expect(results.clickRate).toBeCloseTo(1 / 3, 9);
    expect(results.dismissRate).toBeCloseTo(1 / 3, 9);
  });
});

eachStore('the attention budget', (t) => {
  it('shows a survey marked exempt right after the announcement spent the gap; an unmarked one waits', async () => {
    // The site's default budget: one interruption per 30 minutes.
    const site = await createSite(t, { attention: { maxPerDay: 3, minGapMinutes: 30 } });
    const user = { id: 'u_austin', traits: { city: 'Austin' } };
    const news = await publishMessage(t, site.id, announcement({ priority: 10 }));
    const decide = async () =>
      (await t.post('/v1/decide', { site: site.publicKey, user })).body.messages.map(
        (m: { id: string }) => m.id,
      );
    expect(await decide()).toEqual([news]);
    const seen = {
      id: crypto.randomUUID(),
      type: 'impression',
      messageId: news,
      at: t.clock.now.toISOString(),
      user,
    };
    expect((await postServed(t, site, [seen])).status).toBe(200);
    await t.api('POST', `/api/messages/${news}/pause`);
    const plain = await publishMessage(t, site.id, surveyInput({ name: 'Plain survey' }));
    const exempt = await publishMessage(
      t,
      site.id,
      surveyInput({ name: 'Exempt survey', attentionExempt: true }),
    );
    t.clock.advance(60_000);
    const shown = await decide();
    expect(shown).toContain(exempt);
    expect(shown).not.toContain(plain);
  });
});
