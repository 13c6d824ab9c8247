import { describe, expect, it } from 'vitest';
import { Release } from '../../schema/release.ts';
import { releaseDecision } from '../releases.ts';
import { widening } from './widening.ts';

const base = Release.parse({
  id: 'rel_1',
  siteId: 'site_1',
  key: 'offline-mode',
  name: 'Offline mode',
  status: 'draft',
  currentPhase: -1,
  phaseStartedAt: null,
  createdAt: '2026-11-26T10:00:00.000Z',
  updatedAt: '2026-11-26T10:00:00.000Z',
  holdoutPercent: 10,
  phases: [
    { name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 20 },
    { name: 'Texas', audience: { city: { $in: ['Austin', 'Dallas'] } }, percent: 50 },
    { name: 'Everyone', audience: {}, percent: 100 },
  ],
});
const at = (status: Release['status'], currentPhase: number) => ({ ...base, status, currentPhase });
const cities = ['Austin', 'Dallas', 'Boston'];
const users = Array.from({ length: 3000 }, (_, i) => ({
  key: `u_${i}`,
  traits: { city: cities[i % 3] },
}));
const enabled = (r: Release) => users.filter((u) => releaseDecision(r, u.key, u.traits).enabled).length;

describe('widening: how many known users an action newly reaches', () => {
  it('counts a pilot start as about 20% of Austin minus the 10% holdout, and nobody in Boston', () => {
    const w = widening(base, 'advance', users);
    expect(w).toEqual({
      known: 3000,
      reachedNow: 0,
      reachedAfter: w?.newlyReached,
      newlyReached: w?.reachedAfter,
    });
    // 1,000 Austin users × 20% × 90% not held out ≈ 180.
    expect(w?.newlyReached).toBeGreaterThan(140);
    expect(w?.newlyReached).toBeLessThan(220);
    expect(w?.reachedAfter).toBe(enabled(at('active', 0)));
  });

  it('counts an advance to Texas as the users it adds, not those the pilot already reached', () => {
    const w = widening(at('active', 0), 'advance', users);
    expect(w?.reachedNow).toBe(enabled(at('active', 0)));
    expect(w?.reachedAfter).toBe(enabled(at('active', 1)));
    expect(w?.newlyReached).toBe(enabled(at('active', 1)) - enabled(at('active', 0)));
    // Texas at 50% of Austin and Dallas: about 900 more, minus the pilot's ~180.
    expect(w?.newlyReached).toBeGreaterThan(600);
    expect(w?.newlyReached).toBeLessThan(800);
  });

  it('counts a resume as everyone the paused release reaches again', () => {
    const w = widening(at('paused', 1), 'resume', users);
    expect(w).toMatchObject({ reachedNow: 0, reachedAfter: enabled(at('active', 1)) });
  });

  it('is null when the action does not apply', () => {
    expect(widening(at('rolled_back', 1), 'resume', users)).toBeNull();
  });
});
