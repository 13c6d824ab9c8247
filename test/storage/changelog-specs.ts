import { expect, it } from 'vitest';
import { at, makeSite, uid } from './fixtures.ts';
import type { StoreContext } from './store-suite.ts';

/** The public changelog's slug, digest subscribers and digest runs. */
export function changelogSpecs(ctx: StoreContext): void {
  it('finds a site by its changelog slug, and follows a change of slug', async () => {
    const slug = uid('news').replace('_', '-');
    const site = makeSite({ changelogSlug: slug });
    await ctx.store.createSite(site);
    expect(await ctx.store.getSiteByChangelogSlug(slug)).toEqual(site);
    await ctx.store.updateSite({ ...site, changelogSlug: null, updatedAt: at(1) });
    expect(await ctx.store.getSiteByChangelogSlug(slug)).toBeNull();
  });

  it('keeps one subscription per address: pending until confirmed, and a new request renews the link', async () => {
    const s = { siteId: ctx.site.id, email: 'ana@example.com' };
    expect(await ctx.store.subscribe({ ...s, id: uid('sub'), confirmHash: 'h1', at: at(0) })).toBe('created');
    expect(await ctx.store.subscribe({ ...s, id: uid('sub'), confirmHash: 'h2', at: at(1) })).toBe('pending');
    // Only the latest link confirms, and only while it is fresh.
    expect(await ctx.store.confirmSubscriber(ctx.site.id, 'h1', at(-60), at(2))).toBeNull();
    expect(await ctx.store.confirmSubscriber(ctx.site.id, 'h2', at(5), at(2))).toBeNull();
    const confirmed = await ctx.store.confirmSubscriber(ctx.site.id, 'h2', at(-60), at(2));
    expect(confirmed).toMatchObject({ email: 'ana@example.com', digestSince: at(2) });
    expect(await ctx.store.confirmSubscriber(ctx.site.id, 'h2', at(-60), at(3))).toBeNull();
    expect(await ctx.store.subscribe({ ...s, id: uid('sub'), confirmHash: 'h3', at: at(4) })).toBe(
      'confirmed',
    );
    expect(await ctx.store.countSubscribers(ctx.site.id)).toEqual({ pending: 0, confirmed: 1 });

    expect(await ctx.store.confirmedSubscribers(ctx.site.id)).toEqual([confirmed]);
    await ctx.store.markDigestSent(confirmed?.id ?? '', at(9));
    expect((await ctx.store.confirmedSubscribers(ctx.site.id))[0]?.digestSince).toBe(at(9));

    // Only unconfirmed subscriptions asked for before the cut are forgotten.
    const late = { siteId: ctx.site.id, confirmHash: 'h4' };
    await ctx.store.subscribe({ ...late, id: uid('sub'), email: 'old@example.com', at: at(1) });
    await ctx.store.subscribe({ ...late, id: uid('sub'), email: 'new@example.com', at: at(20) });
    expect(await ctx.store.forgetUnconfirmed(at(10))).toBe(1);
    expect(await ctx.store.countSubscribers(ctx.site.id)).toEqual({ pending: 1, confirmed: 1 });

    expect(await ctx.store.unsubscribe(ctx.site.id, confirmed?.id ?? '')).toBe(true);
    expect(await ctx.store.unsubscribe(ctx.site.id, confirmed?.id ?? '')).toBe(false);
    expect(await ctx.store.confirmedSubscribers(ctx.site.id)).toEqual([]);
  });

  it('lets one caller claim a digest run: the first ever, then each after the one it saw', async () => {
    const id = ctx.site.id;
    expect(await ctx.store.lastDigestRun(id)).toBeNull();
    const first = await Promise.all([
      ctx.store.claimDigestRun(id, null, at(0)),
      ctx.store.claimDigestRun(id, null, at(0)),
    ]);
    expect(first.filter(Boolean)).toHaveLength(1);
    expect(await ctx.store.lastDigestRun(id)).toBe(at(0));
    expect(await ctx.store.claimDigestRun(id, at(0), at(10))).toBe(true);
    expect(await ctx.store.claimDigestRun(id, at(0), at(11))).toBe(false);
    expect(await ctx.store.lastDigestRun(id)).toBe(at(10));
  });
}
