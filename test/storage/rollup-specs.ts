import { expect, it } from 'vitest';
import type { ResultsBy, StoredEvent } from '../../server/store/store.ts';
import { seeded } from '../support/seeded.ts';
import { at, makeEvent, uid } from './fixtures.ts';
import { oracleResults } from './rollup-oracle.ts';
import type { StoreContext } from './store-suite.ts';

const BREAKDOWNS: ResultsBy[] = [
  null,
  { kind: 'phase' },
  { kind: 'trait', name: 'city' },
  { kind: 'trait', name: 'seats' },
];

/** Rollups: results and release activity kept as events are stored agree with the whole event log. */
export function rollupSpecs(ctx: StoreContext): void {
  const event = (userKey: string, input: Omit<Partial<StoredEvent>, 'siteId'> & Pick<StoredEvent, 'type'>) =>
    makeEvent({ siteId: ctx.site.id, userKey, ...input });

  it('gives the same results as counting the whole event log, sent in shuffled batches with retries', async () => {
    const random = seeded(11);
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
    const messageId = uid('msg');
    const traits = new Map<string, Record<string, unknown>>();
    for (let u = 0; u < 24; u++) {
      const t: Record<string, unknown> = {};
      if (u % 4 !== 3) t.city = pick(['Austin', 'Dallas', 'Houston']);
      if (u % 3 === 0) t.seats = pick([1, 3, 10]);
      traits.set(`u${u}`, t);
      await ctx.store.saveTraits(ctx.site.id, `u${u}`, t, at(0));
    }
    const events = Array.from({ length: 400 }, () =>
      event(pick([...traits.keys()]), {
        type: pick(['impression', 'impression', 'click', 'dismiss', 'response'] as const),
        messageId: random() < 0.9 ? messageId : uid('msg'),
        phase: pick(['Pilot', 'Texas', null]),
        // Many answers of one user in the same minute: the id decides which is the latest.
        at: at(pick([0, 5, 30, 61, 95, 96, 130, 170, 239])),
        value: pick([1, 2, 3, 4, 5]),
        verified: random() < 0.5,
      }),
    );
    // Out of time order, in batches of up to 50, a third of them sent again (ignored as duplicates).
    for (let i = 0; i < events.length; ) {
      const size = 1 + Math.floor(random() * 50);
      const batch = events.slice(i, i + size);
      await ctx.store.insertEvents(batch);
      if (random() < 0.33) expect((await ctx.store.insertEvents(batch)).accepted).toBe(0);
      i += size;
    }
    for (const by of BREAKDOWNS) {
      expect(await ctx.store.results(messageId, by)).toEqual(oracleResults(events, messageId, traits, by));
    }
    const since = at(95); // 11:35, inside an hour
    const recent = events.filter((e) => e.messageId === messageId && e.at >= since);
    const latest = new Map<string, StoredEvent>();
    for (const e of events.filter((x) => x.messageId === messageId && x.type === 'response')) {
      const known = latest.get(e.userKey);
      if (known === undefined || e.at > known.at || (e.at === known.at && e.id > known.id))
        latest.set(e.userKey, e);
    }
    const answered = [...latest.values()].filter((e) => e.at >= since);
    expect(await ctx.store.releaseActivity([messageId], since)).toEqual({
      impressions: recent.filter((e) => e.type === 'impression').length,
      dismissals: recent.filter((e) => e.type === 'dismiss').length,
      responses: answered.length,
      verifiedResponses: answered.filter((e) => e.verified).length,
      ratingSum: answered.reduce((sum, e) => sum + (e.value ?? 0), 0),
      ratingCount: answered.length,
    });
  });

  it('charts every event per hour and day since a time inside an hour, as the event log has them', async () => {
    const m = uid('msg');
    const types = ['impression', 'click', 'dismiss', 'response', 'impression'] as const;
    // Every 7 minutes for two days, from 10:00 on the first; the chart starts at 10:30 (inside an hour).
    const events = Array.from({ length: 420 }, (_, i) =>
      event(`u${i % 9}`, {
        type: types[i % types.length] ?? 'impression',
        messageId: m,
        at: at(i * 7),
        value: 3,
      }),
    );
    await ctx.store.insertEvents(events);
    const since = at(30);
    for (const [bucket, width] of [
      ['hour', 13],
      ['day', 10],
    ] as const) {
      const expected = new Map<string, number>();
      for (const e of events.filter((x) => x.at >= since)) {
        const key = `${e.at.slice(0, width)} ${e.type}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const rows = await ctx.store.activity(m, bucket, since);
      expect(new Map(rows.map((r) => [`${r.key} ${r.type}`, r.count]))).toEqual(expected);
    }
    const daily = (await ctx.store.dailyImpressions(ctx.site.id, '2026-11-27T00:00:00.000Z')).filter(
      (r) => r.messageId === m,
    );
    const perDay = new Map<string, number>();
    for (const e of events.filter((x) => x.type === 'impression' && x.at >= '2026-11-27')) {
      perDay.set(e.at.slice(0, 10), (perDay.get(e.at.slice(0, 10)) ?? 0) + 1);
    }
    expect(new Map(daily.map((r) => [r.day, r.count]))).toEqual(perDay);
  });

  it('counts only users whose latest answer is since a time, and among them the verified', async () => {
    const m = uid('msg');
    await ctx.store.insertEvents([
      event('a', { type: 'response', messageId: m, value: 5, at: at(10), verified: true }),
      event('a', { type: 'response', messageId: m, value: 1, at: at(70), verified: false }),
      event('b', { type: 'response', messageId: m, value: 4, at: at(20), verified: true }),
      event('c', { type: 'response', messageId: m, value: 2, at: at(80), verified: true }),
      event('c', { type: 'impression', messageId: m, at: at(30), verified: true }),
      event('c', { type: 'impression', messageId: m, at: at(65), verified: false }),
    ]);
    expect(await ctx.store.releaseActivity([m], at(15))).toEqual({
      impressions: 2,
      dismissals: 0,
      responses: 3,
      verifiedResponses: 2,
      ratingSum: 7,
      ratingCount: 3,
    });
    expect(await ctx.store.releaseActivity([m], at(15), true)).toMatchObject({
      impressions: 1,
      responses: 2,
      ratingSum: 6,
    });
  });

  /** User `a`'s answers to a new message, each in a batch of its own in the order given; its results by phase. */
  async function answeredInTurn(...answers: { value: number; minute: number; phase: string }[]) {
    const m = uid('msg');
    for (const { value, minute, phase } of answers) {
      await ctx.store.insertEvents([
        event('a', { type: 'response', messageId: m, value, at: at(minute), phase }),
      ]);
    }
    return ctx.store.results(m, { kind: 'phase' });
  }

  it('keeps the latest answer when an earlier one arrives after it', async () => {
    const { overall, groups } = await answeredInTurn(
      { value: 5, minute: 20, phase: 'Texas' },
      { value: 1, minute: 10, phase: 'Pilot' },
    );
    expect(overall).toMatchObject({ responses: 1, values: { '5': 1 } });
    expect(groups).toEqual([{ key: 'Texas', counts: expect.objectContaining({ responses: 1 }) }]);
  });

  it('moves an answer to the group of the later answer that supersedes it', async () => {
    const { overall, groups } = await answeredInTurn(
      { value: 1, minute: 10, phase: 'Pilot' },
      { value: 4, minute: 20, phase: 'Texas' },
    );
    expect(overall).toMatchObject({ responses: 1, values: { '4': 1 } });
    expect(groups.map((g) => [g.key, g.counts.responses, g.counts.values])).toEqual([
      ['Texas', 1, { '4': 1 }],
    ]);
  });

  it('groups an event by the trait its user had when it was stored', async () => {
    const m = uid('msg');
    await ctx.store.saveTraits(ctx.site.id, 'mover', { city: 'Austin' }, at(0));
    await ctx.store.insertEvents([event('mover', { type: 'impression', messageId: m, at: at(1) })]);
    await ctx.store.saveTraits(ctx.site.id, 'mover', { city: 'Dallas' }, at(2));
    await ctx.store.insertEvents([event('mover', { type: 'impression', messageId: m, at: at(3) })]);
    await ctx.store.saveTraits(ctx.site.id, 'mover', {}, at(4));
    await ctx.store.insertEvents([event('mover', { type: 'impression', messageId: m, at: at(5) })]);
    const { overall, groups } = await ctx.store.results(m, { kind: 'trait', name: 'city' });
    expect(overall).toMatchObject({ impressions: 3, viewers: 1 });
    expect(groups.map((g) => [g.key, g.counts.impressions, g.counts.viewers])).toEqual([
      ['Austin', 1, 1],
      ['Dallas', 1, 1],
      [null, 1, 0], // the user viewed with a city before: not a viewer without one
    ]);
  });

  it('forgets the counts of deleted users and of a deleted message', async () => {
    const m = uid('msg');
    await ctx.store.insertEvents([
      event('demo-sim-1', { type: 'impression', messageId: m }),
      event('demo-sim-1', { type: 'response', messageId: m, value: 2 }),
      event('real', { type: 'impression', messageId: m }),
      event('real', { type: 'response', messageId: m, value: 5 }),
    ]);
    await ctx.store.deleteUsersByPrefix(ctx.site.id, 'demo-sim-');
    expect((await ctx.store.results(m, null)).overall).toMatchObject({
      impressions: 1,
      viewers: 1,
      responses: 1,
      values: { '5': 1 },
    });
    await ctx.store.deleteMessage(m);
    expect((await ctx.store.results(m, null)).overall).toMatchObject({
      impressions: 0,
      viewers: 0,
      values: {},
    });
  });

  it('counts a goal reached at or after exposure, whatever order the events arrive in', async () => {
    const releaseId = uid('rel');
    const exposed = (key: string) =>
      ctx.store.recordExposures(ctx.site.id, key, [{ releaseId, phase: 0, holdout: false }], at(30));
    const goal = (key: string, minute: number) =>
      event(key, { type: 'track', name: 'reserved', at: at(minute) });
    await ctx.store.insertEvents([goal('late', 40), goal('early', 10), goal('both', 50)]);
    for (const key of ['late', 'early', 'both', 'never']) await exposed(key);
    await ctx.store.insertEvents([goal('both', 5), goal('early', 20)]);
    expect(await ctx.store.reachCounts(releaseId, 'reserved', { kind: 'phase' })).toEqual([
      { key: '0', holdout: false, users: 4, converted: 2 },
    ]);
  });

  it('groups a release’s reached users by the traits they had when reached, not as they changed since', async () => {
    const releaseId = uid('rel');
    const reach = async (key: string, city: string, holdout: boolean) => {
      await ctx.store.saveTraits(ctx.site.id, key, { city }, at(1));
      await ctx.store.recordExposures(ctx.site.id, key, [{ releaseId, phase: 0, holdout }], at(2));
    };
    await reach('u_austin', 'Austin', false);
    await reach('u_austin_held', 'Austin', true);
    await reach('u_moved', 'Austin', false);
    // Moved to Boston after the pilot reached them in Austin: still an Austin user of the pilot.
    await ctx.store.saveTraits(ctx.site.id, 'u_moved', { city: 'Boston' }, at(3));
    const rows = await ctx.store.reachCounts(releaseId, null, { kind: 'trait', name: 'city' });
    expect(rows.sort((a, b) => Number(a.holdout) - Number(b.holdout))).toEqual([
      { key: 'Austin', holdout: false, users: 2, converted: 0 },
      { key: 'Austin', holdout: true, users: 1, converted: 0 },
    ]);
  });
}
