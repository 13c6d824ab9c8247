import { expect, it } from 'vitest';
import { emptyCounts } from '../../server/core/results.ts';
import type { StoredEvent } from '../../server/store/store.ts';
import { at, makeEvent, makeMessage } from './fixtures.ts';
import type { StoreContext } from './store-suite.ts';

/** Aggregates for the admin: counts, breakdowns by trait and phase, and the response list. */
export function resultSpecs(ctx: StoreContext): void {
  let n = 0;
  const event = (userKey: string, input: Omit<Partial<StoredEvent>, 'siteId'> & Pick<StoredEvent, 'type'>) =>
    makeEvent({ siteId: ctx.site.id, messageId: 'msg_r', userKey, at: at(n++), ...input });

  /** Austin: two viewers rating 5 and 3, in the pilot; Dallas: one viewer rating 5, later; one user with no traits. */
  async function seed(): Promise<void> {
    await ctx.store.saveTraits(ctx.site.id, 'a1', { city: 'Austin' }, at(0));
    await ctx.store.saveTraits(ctx.site.id, 'a2', { city: 'Austin' }, at(0));
    await ctx.store.saveTraits(ctx.site.id, 'd1', { city: 'Dallas' }, at(0));
    await ctx.store.insertEvents([
      event('a1', { type: 'impression', phase: 'Pilot' }),
      event('a1', { type: 'impression', phase: 'Pilot' }),
      event('a1', { type: 'click', phase: 'Pilot' }),
      event('a1', { type: 'response', value: 5, text: 'Love it, 100% better', phase: 'Pilot' }),
      event('a2', { type: 'impression', phase: 'Pilot' }),
      event('a2', { type: 'response', value: 3, text: 'Too slow', phase: 'Pilot' }),
      event('d1', { type: 'impression', phase: 'Texas' }),
      event('d1', { type: 'response', value: 5, text: 'slow_ish but fine', phase: 'Texas' }),
      event('x1', { type: 'impression', phase: 'Texas' }),
      event('x1', { type: 'dismiss', phase: 'Texas' }),
      event('x1', { type: 'impression', messageId: 'msg_other' }),
    ]);
  }

  it('counts impressions, distinct viewers, clicks, dismissals, responses and rating values', async () => {
    await seed();
    const { overall, groups } = await ctx.store.results('msg_r', null);
    expect(overall).toEqual({
      impressions: 5,
      viewers: 4,
      clicks: 1,
      dismissals: 1,
      responses: 3,
      clickers: 1,
      dismissers: 1,
      values: { '3': 1, '5': 2 },
    });
    expect(groups).toEqual([]);
  });

  it('counts nothing for a message without events', async () => {
    const { overall } = await ctx.store.results('msg_silent', { kind: 'phase' });
    expect(overall).toEqual(emptyCounts());
  });

  it('breaks results down by a user trait, with a null group for users without it', async () => {
    await seed();
    const { groups } = await ctx.store.results('msg_r', { kind: 'trait', name: 'city' });
    expect(groups).toEqual([
      {
        key: 'Austin',
        counts: {
          impressions: 3,
          viewers: 2,
          clicks: 1,
          dismissals: 0,
          responses: 2,
          clickers: 1,
          dismissers: 0,
          values: { '3': 1, '5': 1 },
        },
      },
      {
        key: 'Dallas',
        counts: {
          impressions: 1,
          viewers: 1,
          clicks: 0,
          dismissals: 0,
          responses: 1,
          clickers: 0,
          dismissers: 0,
          values: { '5': 1 },
        },
      },
      {
        key: null,
        counts: {
          impressions: 1,
          viewers: 1,
          clicks: 0,
          dismissals: 1,
          responses: 0,
          clickers: 0,
          dismissers: 1,
          values: {},
        },
      },
    ]);
  });

  it('reads number and boolean traits as text keys', async () => {
    await ctx.store.saveTraits(ctx.site.id, 'b1', { 'beta.tester': true, seats: 3 }, at(0));
    await ctx.store.insertEvents([event('b1', { type: 'impression' })]);
    const flag = await ctx.store.results('msg_r', { kind: 'trait', name: 'beta.tester' });
    const seats = await ctx.store.results('msg_r', { kind: 'trait', name: 'seats' });
    expect(flag.groups.map((g) => g.key)).toEqual(['true']);
    expect(seats.groups.map((g) => g.key)).toEqual(['3']);
  });

  it('refuses a trait name that could escape its JSON path', async () => {
    await expect(ctx.store.results('msg_r', { kind: 'trait', name: 'city"] or 1=1' })).rejects.toThrow(
      RangeError,
    );
  });

  it('breaks results down by the phase the event happened in', async () => {
    await seed();
    const { groups } = await ctx.store.results('msg_r', { kind: 'phase' });
    expect(groups.map((g) => [g.key, g.counts.impressions, g.counts.viewers, g.counts.responses])).toEqual([
      ['Pilot', 3, 2, 2],
      ['Texas', 2, 2, 1],
    ]);
  });

  it('lists responses newest first with the traits their user was last seen with', async () => {
    await ctx.store.createMessage(makeMessage(ctx.site.id, { id: 'msg_r' }));
    await seed();
    const rows = await ctx.store.responses('msg_r', { limit: 10, offset: 0 });
    expect(rows.map((r) => [r.value, r.text, r.traits])).toEqual([
      [5, 'slow_ish but fine', { city: 'Dallas' }],
      [3, 'Too slow', { city: 'Austin' }],
      [5, 'Love it, 100% better', { city: 'Austin' }],
    ]);
    expect(rows[0]).toMatchObject({ messageId: 'msg_r', userId: null, anonymousId: 'd1' });
  });

  it('pages through responses', async () => {
    await seed();
    const page = async (offset: number) =>
      (await ctx.store.responses('msg_r', { limit: 2, offset })).map((r) => r.text);
    expect(await page(0)).toEqual(['slow_ish but fine', 'Too slow']);
    expect(await page(2)).toEqual(['Love it, 100% better']);
    expect(await page(4)).toEqual([]);
  });

  it('searches response text case-insensitively, taking % and _ literally', async () => {
    await seed();
    const search = async (text: string) =>
      (await ctx.store.responses('msg_r', { limit: 10, offset: 0, search: text })).map((r) => r.text);
    expect(await search('SLOW')).toEqual(['slow_ish but fine', 'Too slow']);
    expect(await search('100%')).toEqual(['Love it, 100% better']);
    expect(await search('w_')).toEqual(['slow_ish but fine']);
    expect(await search('o_')).toEqual([]);
    expect(await search('%')).toEqual(['Love it, 100% better']);
  });
}
