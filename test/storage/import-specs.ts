import { expect, it } from 'vitest';
import { at, makeEvent, makeRelease, makeSite } from './fixtures.ts';
import type { StoreContext } from './store-suite.ts';

/** Imported users (the demo's simulated pilot) and their removal by key prefix. */
export function importSpecs(ctx: StoreContext): void {
  it('imports users’ traits and first exposures in one call, as decide would record them', async () => {
    const release = makeRelease(ctx.site.id);
    await ctx.store.createRelease(release);
    await ctx.store.recordUsers(ctx.site.id, [
      {
        key: 'sim-1',
        traits: { city: 'Austin' },
        exposures: [{ releaseId: release.id, phase: 0, holdout: false }],
        at: at(0),
      },
      {
        key: 'sim-2',
        traits: { city: 'Austin' },
        exposures: [{ releaseId: release.id, phase: 0, holdout: true }],
        at: at(5),
      },
    ]);
    const state = await ctx.store.getUserState(ctx.site.id, ['sim-2']);
    expect(state).toMatchObject({
      traits: { city: 'Austin' },
      exposures: { [release.id]: { phase: 0, holdout: true } },
    });
    const reach = await ctx.store.reachCounts(release.id, null, { kind: 'phase' });
    expect(reach.map((r) => [r.holdout, r.users]).sort()).toEqual([
      [false, 1],
      [true, 1],
    ]);
  });

  it('counts and deletes exactly the users whose keys start with a prefix, on that site only', async () => {
    const release = makeRelease(ctx.site.id);
    await ctx.store.createRelease(release);
    const other = makeSite();
    await ctx.store.createSite(other);
    const exposure = [{ releaseId: release.id, phase: 0, holdout: false }];
    // `demo_sim-` would match `demo-sim-` if `_` were a LIKE wildcard; `demo-sim` lacks the dash.
    const keys = ['demo-sim-1', 'demo-sim-2', 'demo_sim-3', 'demo-sim', 'u_real'];
    await ctx.store.recordUsers(
      ctx.site.id,
      keys.map((key) => ({ key, traits: {}, exposures: exposure, at: at(0) })),
    );
    await ctx.store.recordUsers(other.id, [{ key: 'demo-sim-9', traits: {}, exposures: [], at: at(0) }]);
    await ctx.store.insertEvents([
      ...keys.map((userKey) =>
        makeEvent({ siteId: ctx.site.id, userKey, type: 'impression', messageId: 'msg_1' }),
      ),
      makeEvent({ siteId: other.id, userKey: 'demo-sim-9', type: 'impression', messageId: 'msg_1' }),
    ]);

    expect(await ctx.store.countUsersByPrefix(ctx.site.id, 'demo-sim-')).toEqual({ users: 2, events: 2 });
    expect(await ctx.store.deleteUsersByPrefix(ctx.site.id, 'demo-sim-')).toEqual({ users: 2, events: 2 });
    expect(await ctx.store.countUsersByPrefix(ctx.site.id, 'demo-sim-')).toEqual({ users: 0, events: 0 });
    expect(await ctx.store.getUserState(ctx.site.id, ['demo-sim-1'])).toBeNull();
    // Everyone else stays: their events, their exposures, and the other site's user of the same prefix.
    expect(await ctx.store.countEvents(ctx.site.id)).toBe(3);
    const reach = await ctx.store.reachCounts(release.id, null, { kind: 'phase' });
    expect(reach.reduce((n, r) => n + r.users, 0)).toBe(3);
    expect(await ctx.store.countUsersByPrefix(other.id, 'demo-sim-')).toEqual({ users: 1, events: 1 });
  });
}
