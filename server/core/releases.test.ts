import { describe, expect, it } from 'vitest';
import { releaseFixture } from '../../test/support/core-fixtures.ts';
import type { ReleaseStatus } from '../schema/release.ts';
import { bucket, inRollout } from './bucketing.ts';
import { exposedPhase, holdoutSalt, inHoldout, releaseDecision } from './releases.ts';

const _TS = '2026-11-01T00:00:00Z';

const release = releaseFixture;

const users = (n: number) => Array.from({ length: n }, (_, i) => `u_${i}`);
const austin = { city: 'Austin' };

/** The first users (by index) that meet a condition on their buckets. */
function findUsers(n: number, test: (key: string) => boolean): string[] {
  const found: string[] = [];
  for (let i = 0; found.length < n; i++) if (test(`u_${i}`)) found.push(`u_${i}`);
  return found;
}

describe('holdoutSalt', () => {
  it('differs from the release key, which salts the phases', () => {
    const r = release();
    expect(holdoutSalt(r)).not.toBe(r.key);
  });
});

describe('inHoldout', () => {
  it.each([5, 10, 20, 50])('holds out %i% of 100,000 users, within ±1%', (holdoutPercent) => {
    const r = release({ holdoutPercent });
    const held = users(100_000).filter((u) => inHoldout(r, u)).length / 100_000;
    expect(Math.abs(held - holdoutPercent / 100)).toBeLessThanOrEqual(0.01);
  });

  it('holds out nobody when the holdout is 0%', () => {
    const r = release({ holdoutPercent: 0 });
    expect(users(10_000).some((u) => inHoldout(r, u))).toBe(false);
  });

  it('is stable for a user', () => {
    const r = release();
    const first = users(1000).map((u) => inHoldout(r, u));
    expect(users(1000).map((u) => inHoldout(r, u))).toEqual(first);
  });

  it('is independent of the phase buckets: the holdout share is the same inside and outside a phase', () => {
    const r = release({ holdoutPercent: 5 });
    const all = users(100_000);
    for (const percent of [10, 50]) {
      const inside = all.filter((u) => inRollout(r.key, u, percent));
      const outside = all.filter((u) => !inRollout(r.key, u, percent));
      for (const group of [inside, outside]) {
        const held = group.filter((u) => inHoldout(r, u)).length / group.length;
        expect(Math.abs(held - 0.05)).toBeLessThanOrEqual(0.01);
      }
    }
  });

  it('does not take the lowest phase buckets: a 10% phase and a 10% holdout overlap on about 1%', () => {
    const r = release({ holdoutPercent: 10 });
    const both = users(100_000).filter((u) => inRollout(r.key, u, 10) && inHoldout(r, u)).length;
    expect(both / 100_000).toBeGreaterThanOrEqual(0.005);
    expect(both / 100_000).toBeLessThanOrEqual(0.015);
  });
});

describe('exposedPhase', () => {
  it('exposes a pilot-city user inside the first phase’s percentage', () => {
    const [user = ''] = findUsers(1, (u) => bucket('reserve-ahead', u) < 1000);
    expect(exposedPhase(release(), user, austin)).toBe(0);
  });

  it('does not expose a pilot-city user outside the first phase’s percentage', () => {
    const [user = ''] = findUsers(
      1,
      (u) => bucket('reserve-ahead', u) >= 1000 && bucket('reserve-ahead', u) < 5000,
    );
    expect(exposedPhase(release(), user, austin)).toBe(-1);
  });

  it('does not expose a user outside the phase audience, whatever their bucket', () => {
    const [user = ''] = findUsers(1, (u) => bucket('reserve-ahead', u) < 1000);
    expect(exposedPhase(release(), user, { city: 'Dallas' })).toBe(-1);
  });

  it('keeps a phase-0 user exposed, in phase 0, after every advance', () => {
    const exposed = findUsers(20, (u) => bucket('reserve-ahead', u) < 1000);
    for (const currentPhase of [0, 1, 2]) {
      for (const u of exposed) expect(exposedPhase(release({}, { currentPhase }), u, austin)).toBe(0);
    }
  });

  it('keeps a phase-0 user exposed even when a later phase’s audience leaves them out', () => {
    const r = release({
      phases: [
        { name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 10 },
        { name: 'Dallas', audience: { city: 'Dallas' }, percent: 50 },
      ],
    });
    const [user = ''] = findUsers(1, (u) => bucket('reserve-ahead', u) < 1000);
    expect(exposedPhase({ ...r, currentPhase: 1 }, user, austin)).toBe(0);
  });

  it('exposes a user in the first phase that takes them in', () => {
    const [user = ''] = findUsers(
      1,
      (u) => bucket('reserve-ahead', u) >= 1000 && bucket('reserve-ahead', u) < 5000,
    );
    expect(exposedPhase(release({}, { currentPhase: 1 }), user, austin)).toBe(1);
    expect(exposedPhase(release({}, { currentPhase: 2 }), user, { city: 'Paris' })).toBe(2);
  });

  it('only grows the exposed group as the release advances', () => {
    const traits = (i: number) => ({ city: ['Austin', 'Dallas', 'Paris'][i % 3] });
    let before = new Set<string>();
    for (const currentPhase of [0, 1, 2]) {
      const r = release({}, { currentPhase });
      const now = new Set(users(10_000).filter((u, i) => exposedPhase(r, u, traits(i)) >= 0));
      for (const u of before) expect(now.has(u)).toBe(true);
      expect(now.size).toBeGreaterThan(before.size);
      before = now;
    }
    expect(before.size).toBe(10_000);
  });

  it('exposes no one while a draft (current phase -1)', () => {
    const r = release({}, { status: 'draft', currentPhase: -1 });
    expect(users(1000).some((u) => exposedPhase(r, u, austin) >= 0)).toBe(false);
  });

  it('exposes through every phase once the release is complete', () => {
    const r = release({}, { status: 'complete', currentPhase: 0 });
    expect(users(1000).every((u) => exposedPhase(r, u, { city: 'Paris' }) === 2)).toBe(true);
  });
});

describe('releaseDecision', () => {
  const notHeld = (u: string) => !inHoldout(release(), u);

  it('enables the feature for an exposed user and names their phase', () => {
    const [user = ''] = findUsers(1, (u) => notHeld(u) && bucket('reserve-ahead', u) < 1000);
    expect(releaseDecision(release(), user, austin)).toEqual({
      enabled: true,
      phase: 'Pilot: Austin',
      holdout: false,
    });
  });

  it('leaves the feature off for a user the release has not reached', () => {
    const [user = ''] = findUsers(1, (u) => notHeld(u) && bucket('reserve-ahead', u) >= 1000);
    expect(releaseDecision(release(), user, austin)).toEqual({ enabled: false, phase: null, holdout: false });
  });

  it('keeps a held-out user from the feature even when the release reaches everyone', () => {
    const held = findUsers(20, (u) => inHoldout(release(), u));
    const r = release({}, { status: 'complete', currentPhase: 2 });
    for (const u of held)
      expect(releaseDecision(r, u, austin)).toMatchObject({ enabled: false, holdout: true });
  });

  it('exposes all but the holdout once the release reaches 100% of everyone', () => {
    const r = release({}, { currentPhase: 2 });
    const enabled = users(100_000).filter((u) => releaseDecision(r, u, {}).enabled).length / 100_000;
    expect(Math.abs(enabled - 0.95)).toBeLessThanOrEqual(0.01);
  });

  it.each<ReleaseStatus>(['draft', 'rolled_back'])('turns the feature off for everyone when %s', (status) => {
    const r = release({}, { status, currentPhase: status === 'draft' ? -1 : 2 });
    for (const u of users(2000))
      expect(releaseDecision(r, u, austin)).toEqual({ enabled: false, phase: null, holdout: false });
  });

  it('keeps a paused release on for those it already reached and reaches no one new', () => {
    const paused = release({}, { status: 'paused', currentPhase: 0 });
    const active = release({}, { status: 'active', currentPhase: 0 });
    const reached = users(2000).filter((u) => releaseDecision(active, u, austin).enabled);
    expect(reached.length).toBeGreaterThan(0);
    for (const u of reached) {
      const recorded = { phase: 0, holdout: false, at: '2026-11-26T00:00:00Z' };
      expect(releaseDecision(paused, u, austin, recorded)).toEqual(releaseDecision(active, u, austin));
      expect(releaseDecision(paused, u, austin).enabled).toBe(false);
    }
  });

  it('keeps a recorded exposure when the user’s traits change (exposure is sticky)', () => {
    const active = release({}, { status: 'active', currentPhase: 0 });
    const [u = ''] = users(2000).filter((x) => releaseDecision(active, x, austin).enabled);
    const recorded = { phase: 0, holdout: false, at: '2026-11-26T00:00:00Z' };
    expect(releaseDecision(active, u, { city: 'Boston' }).enabled).toBe(false);
    expect(releaseDecision(active, u, { city: 'Boston' }, recorded)).toEqual({
      enabled: true,
      phase: 'Pilot: Austin',
      holdout: false,
    });
  });
});
