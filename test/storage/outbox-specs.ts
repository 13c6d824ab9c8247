import { expect, it } from 'vitest';
import type { NewNotice } from '../../server/store/store.ts';
import { at, makeRelease, uid } from './fixtures.ts';
import type { StoreContext } from './store-suite.ts';

/** A notice to a URL of this test's own (the outbox is shared by every site of a database). */
const notice = (url: string, minute: number, seq = 0): NewNotice => ({
  id: uid('ntc'),
  url,
  payload: { text: `notice ${minute}.${seq}` },
  createdAt: at(minute),
  seq,
});

/** Compare-and-set release writes, and the outbox of webhook notices written with them. */
export function outboxSpecs(ctx: StoreContext): void {
  const pendingTo = async (url: string) => (await ctx.store.pendingNotices()).filter((n) => n.url === url);

  it('writes a release only at the version it was read, queueing its notices only with a write', async () => {
    const release = makeRelease(ctx.site.id);
    await ctx.store.createRelease(release);
    const url = `https://hooks.example.com/${uid('h')}`;
    const paused = { ...release, status: 'paused' as const };
    const advanced = { ...release, status: 'active' as const, currentPhase: 0 };
    expect(await ctx.store.updateRelease(paused, [notice(url, 1)])).toMatchObject({ version: 1 });
    // A second writer that read version 0 too loses, and leaves no trace.
    expect(await ctx.store.updateRelease(advanced, [notice(url, 2)])).toBeNull();
    expect(await ctx.store.getRelease(release.id)).toMatchObject({ status: 'paused', version: 1 });
    expect((await pendingTo(url)).map((n) => JSON.parse(n.payload).text)).toEqual(['notice 1.0']);
  });

  it('lets one of two concurrent writers of the same version win', async () => {
    const release = makeRelease(ctx.site.id);
    await ctx.store.createRelease(release);
    const results = await Promise.all(
      ['a', 'b', 'c'].map((name) => ctx.store.updateRelease({ ...release, name })),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const winner = results.find((r) => r !== null);
    expect(await ctx.store.getRelease(release.id)).toEqual(winner);
  });

  it('lists pending notices by creation, then seq, and hands each to one claimer at a time', async () => {
    const url = `https://hooks.example.com/${uid('h')}`;
    const release = makeRelease(ctx.site.id);
    await ctx.store.createRelease(release);
    const late = notice(url, 5);
    const second = notice(url, 3, 2);
    const first = notice(url, 3, 1);
    await ctx.store.updateRelease(release, [late, second, first]);
    expect((await pendingTo(url)).map((n) => n.id)).toEqual([first.id, second.id, late.id]);

    expect(await ctx.store.claimNotice(first.id, at(10), at(11))).toBe(true);
    expect(await ctx.store.claimNotice(first.id, at(10), at(11))).toBe(false);
    // A claim that ran out (its deliverer died) can be taken again.
    expect(await ctx.store.claimNotice(first.id, at(12), at(13))).toBe(true);
    expect((await pendingTo(url))[0]).toMatchObject({ attempts: 2, claimedUntil: at(13) });
  });

  it('deletes a delivered notice, reschedules a failed one and keeps a given-up one out of the queue', async () => {
    const url = `https://hooks.example.com/${uid('h')}`;
    const release = makeRelease(ctx.site.id);
    await ctx.store.createRelease(release);
    const [a, b, c] = [notice(url, 1), notice(url, 2), notice(url, 3)] as [NewNotice, NewNotice, NewNotice];
    await ctx.store.updateRelease(release, [a, b, c]);
    await ctx.store.claimNotice(a.id, at(4), at(5));
    await ctx.store.settleNotice(a.id, { delivered: true });
    await ctx.store.claimNotice(b.id, at(4), at(5));
    await ctx.store.settleNotice(b.id, { delivered: false, retryAt: at(9), error: 'answered 500' });
    await ctx.store.claimNotice(c.id, at(4), at(5));
    await ctx.store.settleNotice(c.id, { delivered: false, retryAt: null, error: 'answered 500' });
    expect(await pendingTo(url)).toEqual([
      {
        id: b.id,
        url,
        payload: JSON.stringify(b.payload),
        attempts: 1,
        nextAttemptAt: at(9),
        claimedUntil: null,
      },
    ]);
  });
}
