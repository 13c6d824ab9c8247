import { describe, expect, it } from 'vitest';
import { releaseFixture } from '../../test/support/core-fixtures.ts';
import type { ReleaseStatus } from '../schema/release.ts';
import { bucket } from './bucketing.ts';
import { releaseStanding } from './release-standing.ts';
import { holdoutSalt, releaseDecision } from './releases.ts';

// Pilot: Austin 10% → Texas (Austin, Dallas, Houston) 50% → Everyone 100%, holdout 5%.
const at = (status: ReleaseStatus, currentPhase: number) => releaseFixture({}, { status, currentPhase });
const phaseBucket = (k: string) => bucket('reserve-ahead', k);
const held = (k: string) => bucket(holdoutSalt(at('active', 0)), k) < 500;
/** The first user key u_0, u_1, … that passes a test. */
function userWhere(test: (key: string) => boolean): string {
  for (let i = 0; ; i++) if (test(`u_${i}`)) return `u_${i}`;
}
const pilot = userWhere((k) => phaseBucket(k) < 1000 && !held(k));
const pilotHeld = userWhere((k) => phaseBucket(k) < 1000 && held(k));
const texasOnly = userWhere((k) => phaseBucket(k) >= 1000 && phaseBucket(k) < 5000 && !held(k));
const outside = userWhere((k) => phaseBucket(k) >= 5000 && !held(k));
const austin = { city: 'Austin' };
const boston = { city: 'Boston' };

describe('releaseStanding', () => {
  it.each([
    ['exposed in the pilot', at('active', 0), pilot, austin, 'exposed', 'exposed in phase “Pilot: Austin”'],
    [
      'held out',
      at('active', 0),
      pilotHeld,
      austin,
      'holdout',
      'held out (reached in phase “Pilot: Austin”)',
    ],
    [
      'an Austin user outside the pilot’s 10% whom Texas will reach',
      at('active', 0),
      texasOnly,
      austin,
      'outside-percent',
      'in the audience of phase “Pilot: Austin” but outside its 10%; the later phase “Texas” will reach them',
    ],
    [
      'a Boston user outside Texas’s audience, whom Everyone will reach',
      at('active', 1),
      pilot,
      boston,
      'outside-audience',
      'outside the audience of the current phase “Texas”; the later phase “Everyone” will reach them',
    ],
    [
      'an Austin user outside 50% of Texas',
      at('active', 1),
      outside,
      austin,
      'outside-percent',
      'in the audience of phase “Texas” but outside its 50%; the later phase “Everyone” will reach them',
    ],
    [
      'a Boston user of a release paused at Texas',
      at('paused', 1),
      pilot,
      boston,
      'paused',
      'the release is paused at phase “Texas” and reaches no one new; outside the audience of the current phase “Texas”',
    ],
    [
      'a Texan not yet reached when the release paused',
      at('paused', 1),
      texasOnly,
      austin,
      'paused',
      'when it resumes, phase “Texas” reaches them',
    ],
    ['a draft', at('draft', -1), pilot, austin, 'draft', 'the release has not started'],
    ['a rollback', at('rolled_back', 1), pilot, austin, 'rolled-back', 'rolled back'],
  ] as const)('%s', (_name, release, key, traits, why, words) => {
    const s = releaseStanding(release, key, traits);
    expect(s.why).toBe(why);
    expect(s.words).toContain(words);
    // The decision part is decide's own.
    expect({ enabled: s.enabled, phase: s.phase, holdout: s.holdout }).toEqual(
      releaseDecision(release, key, traits),
    );
  });

  it('keeps a recorded exposure after a pause, whatever the traits say now', () => {
    const recorded = { phase: 0, holdout: false, at: '2026-11-20T00:00:00Z' };
    const s = releaseStanding(at('paused', 1), outside, boston, recorded);
    expect(s).toMatchObject({ enabled: true, why: 'exposed', phase: 'Pilot: Austin' });
    expect(s.words).toBe('exposed in phase “Pilot: Austin”; the release is paused, so its messages stop');
  });

  it('says when no later phase reaches the user', () => {
    const release = releaseFixture({
      phases: [{ name: 'Pilot', audience: { city: 'Austin' }, percent: 10 }],
    });
    expect(releaseStanding(release, pilot, boston).words).toBe(
      'outside the audience of the current phase “Pilot”; no later phase reaches them',
    );
  });
});
