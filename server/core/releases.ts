import type { ReleaseDecision } from '../schema/decide.ts';
import type { Exposure } from '../schema/history.ts';
import type { Release } from '../schema/release.ts';
import { inRollout } from './bucketing.ts';
import { evalCondition } from './conditions/evaluate.ts';

/** The holdout's salt differs from the phases' so holdout membership is independent of phase buckets. */
export function holdoutSalt(release: Release): string {
  return `holdout:${release.key}`;
}

/** Whether the user is in the release's stable holdout. */
export function inHoldout(release: Release, userKey: string): boolean {
  return release.holdoutPercent > 0 && inRollout(holdoutSalt(release), userKey, release.holdoutPercent);
}

/**
 * The index of the earliest phase up to the current one that includes the user, or -1.
 * Exposure is cumulative: a user inside any phase so far stays exposed as the release advances.
 */
export function exposedPhase(release: Release, userKey: string, traits: Record<string, unknown>): number {
  const last = release.status === 'complete' ? release.phases.length - 1 : release.currentPhase;
  for (let i = 0; i <= last; i++) {
    const phase = release.phases[i];
    if (phase && inRollout(release.key, userKey, phase.percent) && evalCondition(traits, phase.audience))
      return i;
  }
  return -1;
}

/** Where a release puts one user: the phase that reaches them and whether they are held out; null when it does not. */
export type Reach = { phase: number; holdout: boolean } | null;

/**
 * Where the release puts this user now. Exposure is sticky: a `recorded` exposure keeps the user where the
 * release first put them, whatever their traits say now. A paused release reaches no one new.
 */
export function releaseReach(
  release: Release,
  userKey: string,
  traits: Record<string, unknown>,
  recorded?: Exposure,
): Reach {
  if (release.status === 'draft' || release.status === 'rolled_back') return null;
  if (recorded !== undefined) return { phase: recorded.phase, holdout: recorded.holdout };
  if (release.status === 'paused') return null;
  const phase = exposedPhase(release, userKey, traits);
  // The holdout is drawn from the users the release would reach, so exposed and held out are comparable.
  return phase < 0 ? null : { phase, holdout: inHoldout(release, userKey) };
}

/**
 * What a release means for one user: enabled or not, in which phase, held out or not. Draft and rolled-back
 * releases are off for everyone; a paused release keeps those it already reached (their feature stays; its
 * messages stop).
 *
 * @example releaseDecision(release, 'u_42', { city: 'Austin' }) // { enabled: true, phase: 'Pilot: Austin', holdout: false }
 */
export function releaseDecision(
  release: Release,
  userKey: string,
  traits: Record<string, unknown>,
  recorded?: Exposure,
): ReleaseDecision {
  return decisionOf(release, releaseReach(release, userKey, traits, recorded));
}

/** The decision the widget receives for a reach (`Herald.isEnabled` reads `enabled`). */
export function decisionOf(release: Release, reach: Reach): ReleaseDecision {
  if (reach === null) return { enabled: false, phase: null, holdout: false };
  return {
    enabled: !reach.holdout,
    phase: release.phases[reach.phase]?.name ?? null,
    holdout: reach.holdout,
  };
}

/**
 * What a release means for a test user in test mode: every release that is not rolled back reaches them in
 * its current phase (draft, paused and early phases included) and never holds them out, so a PM sees what the
 * pilot will see before anyone else does. Nothing about it is recorded.
 */
export function testDecision(release: Release): ReleaseDecision {
  if (release.status === 'rolled_back') return { enabled: false, phase: null, holdout: false };
  // A draft has no current phase yet: a test user sees what its first phase's users will.
  const phase = release.phases[Math.max(release.currentPhase, 0)]?.name ?? null;
  return { enabled: true, phase, holdout: false };
}
