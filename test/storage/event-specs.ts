import { expect, it } from 'vitest';
import { at, makeEvent, uid } from './fixtures.ts';
import type { StoreContext } from './store-suite.ts';

/** Idempotent, group-committed event inserts and the per-user state they maintain. */
export function eventSpecs(ctx: StoreContext): void {
  const event = (input: Omit<Parameters<typeof makeEvent>[0], 'siteId'>) =>
    makeEvent({ siteId: ctx.site.id, ...input });

  it('stores a repeated event id once and counts the repeat as a duplicate', async () => {
    const e = event({ type: 'impression', messageId: 'msg_1' });
    expect(await ctx.store.insertEvents([e])).toEqual({ accepted: 1, duplicates: 0 });
    expect(await ctx.store.insertEvents([e, event({ type: 'click', messageId: 'msg_1' })])).toEqual({
      accepted: 1,
      duplicates: 1,
    });
    expect(await ctx.store.countEvents(ctx.site.id)).toBe(2);
  });

  it('counts an id repeated within one batch once', async () => {
    const e = event({ type: 'impression', messageId: 'msg_1' });
    expect(await ctx.store.insertEvents([e, e])).toEqual({ accepted: 1, duplicates: 1 });
    expect((await ctx.store.getUserState(ctx.site.id, ['anon_1']))?.messages.msg_1?.impressions).toBe(1);
  });

  it('counts an id sent by two concurrent calls once', async () => {
    const e = event({ type: 'impression', messageId: 'msg_1' });
    const results = await Promise.all([ctx.store.insertEvents([e]), ctx.store.insertEvents([e])]);
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(1);
    expect(await ctx.store.countEvents(ctx.site.id)).toBe(1);
  });

  it('answers each of 50 concurrent calls with its own counts and stores every event', async () => {
    const shared = event({ type: 'impression', messageId: 'msg_1', userKey: 'anon_shared' });
    const calls = Array.from({ length: 50 }, (_, i) => {
      const own = Array.from({ length: (i % 5) + 1 }, () =>
        event({ type: 'impression', messageId: 'msg_1', userKey: `anon_${i % 7}` }),
      );
      return i % 10 === 0 ? [shared, ...own] : own;
    });
    const results = await Promise.all(calls.map((batch) => ctx.store.insertEvents(batch)));
    results.forEach((r, i) => {
      const size = calls[i]?.length ?? 0;
      expect(r.accepted + r.duplicates).toBe(size);
      expect(r.duplicates).toBe(i % 10 === 0 && i > 0 ? 1 : 0);
    });
    const own = calls.reduce((n, c) => n + c.length, 0) - 4;
    expect(await ctx.store.countEvents(ctx.site.id)).toBe(own);
    expect((await ctx.store.results('msg_1', null)).overall.impressions).toBe(own);
  });

  it('records impressions, clicks, dismissals and responses in the user state', async () => {
    await ctx.store.insertEvents([
      event({ type: 'impression', messageId: 'msg_1', at: at(0), interrupting: true }),
      event({ type: 'impression', messageId: 'msg_1', at: at(10), interrupting: true }),
      event({ type: 'click', messageId: 'msg_1', at: at(11) }),
      event({ type: 'response', messageId: 'msg_1', value: 4, at: at(12) }),
      event({ type: 'dismiss', messageId: 'msg_1', at: at(13) }),
    ]);
    const state = await ctx.store.getUserState(ctx.site.id, ['anon_1']);
    expect(state?.messages.msg_1).toEqual({
      impressions: 2,
      firstSeenAt: at(0),
      lastSeenAt: at(10),
      clickedAt: at(11),
      respondedAt: at(12),
      dismissedAt: at(13),
    });
    expect(state?.interruptions).toEqual([at(0), at(10)]);
    expect(state?.lastSeenAt).toBe(at(13));
  });

  it('adds later batches to the state already stored', async () => {
    await ctx.store.insertEvents([event({ type: 'impression', messageId: 'msg_1', at: at(0) })]);
    await ctx.store.insertEvents([event({ type: 'impression', messageId: 'msg_1', at: at(5) })]);
    const state = await ctx.store.getUserState(ctx.site.id, ['anon_1']);
    expect(state?.messages.msg_1?.impressions).toBe(2);
  });

  it('answers null for a user the site has never seen', async () => {
    expect(await ctx.store.getUserState(ctx.site.id, ['anon_never'])).toBeNull();
    expect(await ctx.store.getUserState(ctx.site.id, [])).toBeNull();
  });

  it('keeps user states apart per site', async () => {
    await ctx.store.insertEvents([makeEvent({ siteId: uid('site'), type: 'dismiss', messageId: 'msg_1' })]);
    expect(await ctx.store.getUserState(ctx.site.id, ['anon_1'])).toBeNull();
  });

  it('merges what a person did anonymously with what they did after signing in', async () => {
    await ctx.store.insertEvents([
      event({ type: 'impression', messageId: 'msg_1', userKey: 'anon_9', at: at(0) }),
      event({ type: 'dismiss', messageId: 'msg_1', userKey: 'anon_9', at: at(1) }),
    ]);
    await ctx.store.insertEvents([
      event({
        type: 'impression',
        messageId: 'msg_1',
        userKey: 'u_42',
        user: { id: 'u_42', anonymousId: 'anon_9' },
        at: at(5),
      }),
    ]);
    await ctx.store.saveTraits(ctx.site.id, 'anon_9', { city: 'Dallas', plan: 'free' }, at(1));
    await ctx.store.saveTraits(ctx.site.id, 'u_42', { city: 'Austin' }, at(5));
    const state = await ctx.store.getUserState(ctx.site.id, ['u_42', 'anon_9']);
    expect(state?.messages.msg_1).toMatchObject({ impressions: 2, firstSeenAt: at(0), dismissedAt: at(1) });
    expect(state?.traits).toEqual({ city: 'Austin', plan: 'free' });
    expect(state?.lastSeenAt).toBe(at(5));
  });

  it('saves traits without losing the event history, and replaces them when they change', async () => {
    await ctx.store.saveTraits(ctx.site.id, 'anon_1', { city: 'Austin' }, at(0));
    await ctx.store.insertEvents([event({ type: 'dismiss', messageId: 'msg_1', at: at(1) })]);
    await ctx.store.saveTraits(ctx.site.id, 'anon_1', { city: 'Houston' }, at(2));
    const state = await ctx.store.getUserState(ctx.site.id, ['anon_1']);
    expect(state?.traits).toEqual({ city: 'Houston' });
    expect(state?.messages.msg_1?.dismissedAt).toBe(at(1));
    expect(state?.lastSeenAt).toBe(at(2));
  });
}
