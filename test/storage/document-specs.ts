import { expect, it } from 'vitest';
import { at, makeEvent, makeMessage, makeRelease, makeSite } from './fixtures.ts';
import type { StoreContext } from './store-suite.ts';

/** Sites, messages and releases: what is stored is what is read back. */
export function documentSpecs(ctx: StoreContext): void {
  it('reads a site back by id and by public key', async () => {
    expect(await ctx.store.getSite(ctx.site.id)).toEqual(ctx.site);
    expect(await ctx.store.getSiteByPublicKey(ctx.site.publicKey)).toEqual(ctx.site);
  });

  it('answers null for ids it has never stored', async () => {
    expect(await ctx.store.getSite('site_missing')).toBeNull();
    expect(await ctx.store.getSiteByPublicKey('pk_missing')).toBeNull();
    expect(await ctx.store.getMessage('msg_missing')).toBeNull();
    expect(await ctx.store.getRelease('rel_missing')).toBeNull();
  });

  it('lists sites and keeps a site update', async () => {
    const other = makeSite({ createdAt: at(1), updatedAt: at(1) });
    await ctx.store.createSite(other);
    const renamed = { ...ctx.site, name: 'Renamed', allowedOrigins: ['*'], updatedAt: at(2) };
    await ctx.store.updateSite(renamed);
    const ids = (await ctx.store.listSites()).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([ctx.site.id, other.id]));
    expect(ids.indexOf(ctx.site.id)).toBeLessThan(ids.indexOf(other.id));
    expect(await ctx.store.getSite(ctx.site.id)).toEqual(renamed);
  });

  it('stores, lists and updates the messages of a site in creation order', async () => {
    const first = makeMessage(ctx.site.id, { createdAt: at(1) });
    const second = makeMessage(ctx.site.id, {
      createdAt: at(2),
      kind: 'tooltip',
      display: { anchor: '#reserve', placement: 'bottom' },
    });
    await ctx.store.createMessage(second);
    await ctx.store.createMessage(first);
    expect(await ctx.store.listMessages(ctx.site.id)).toEqual([first, second]);
    const edited = { ...first, name: 'Edited', updatedAt: at(3) };
    expect(await ctx.store.updateMessage(edited)).toEqual({ ...edited, version: 1 });
    expect(await ctx.store.getMessage(first.id)).toEqual({ ...edited, version: 1 });
    // A write from the version read before (0) comes after another: refused, nothing written.
    expect(await ctx.store.updateMessage({ ...first, name: 'Stale' })).toBeNull();
    expect((await ctx.store.getMessage(first.id))?.name).toBe('Edited');
  });

  it('returns only live messages as live, following status changes', async () => {
    const live = makeMessage(ctx.site.id, { status: 'live', publishedAt: at(0) });
    const draft = makeMessage(ctx.site.id);
    const paused = makeMessage(ctx.site.id, { status: 'paused' });
    for (const m of [live, draft, paused]) await ctx.store.createMessage(m);
    expect(await ctx.store.liveMessages(ctx.site.id)).toEqual([live]);
    expect(await ctx.store.updateMessage({ ...live, status: 'paused' })).not.toBeNull();
    expect(await ctx.store.updateMessage({ ...draft, status: 'live' })).not.toBeNull();
    expect((await ctx.store.liveMessages(ctx.site.id)).map((m) => m.id)).toEqual([draft.id]);
  });

  it('stores, lists and updates the releases of a site', async () => {
    const release = makeRelease(ctx.site.id);
    await ctx.store.createRelease(release);
    expect(await ctx.store.getRelease(release.id)).toEqual(release);
    const advanced = { ...release, status: 'active' as const, currentPhase: 0, phaseStartedAt: at(5) };
    const stored = await ctx.store.updateRelease(advanced);
    expect(stored).toEqual({ ...advanced, version: 1 });
    expect(await ctx.store.listReleases(ctx.site.id)).toEqual([stored]);
    expect(await ctx.store.listReleases('site_other')).toEqual([]);
  });

  it('deletes a message together with its events and leaves other messages alone', async () => {
    const gone = makeMessage(ctx.site.id);
    const kept = makeMessage(ctx.site.id);
    await ctx.store.createMessage(gone);
    await ctx.store.createMessage(kept);
    await ctx.store.insertEvents([
      makeEvent({ siteId: ctx.site.id, type: 'impression', messageId: gone.id }),
      makeEvent({ siteId: ctx.site.id, type: 'impression', messageId: kept.id }),
    ]);
    expect(await ctx.store.deleteMessage(gone.id)).toBe(true);
    expect(await ctx.store.getMessage(gone.id)).toBeNull();
    expect(await ctx.store.countEvents(ctx.site.id)).toBe(1);
    expect((await ctx.store.results(kept.id, null)).overall.impressions).toBe(1);
    expect(await ctx.store.deleteMessage(gone.id)).toBe(false);
  });

  it('answers a ping', async () => {
    await expect(ctx.store.ping()).resolves.toBeUndefined();
  });
}
