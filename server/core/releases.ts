import type { ReleaseDecision } from '../schema/decide.ts';
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

/**
 * What a release means for one user: enabled or not, in which phase, held out or not.
 * Draft and rolled-back releases are off for everyone; a paused release keeps those already exposed.
 */
export function releaseDecision(
  release: Release,
  userKey: string,
  traits: Record<string, unknown>,
): ReleaseDecision {
  if (release.status === 'draft' || release.status === 'rolled_back') {
    return { enabled: false, phase: null, holdout: false };
  }
  const i = exposedPhase(release, userKey, traits);
  if (i < 0) return { enabled: false, phase: null, holdout: false };
  // The holdout is drawn from the users the release would reach, so exposed and held out are comparable.
  if (inHoldout(release, userKey))
    return { enabled: false, phase: release.phases[i]?.name ?? null, holdout: true };
  return { enabled: true, phase: release.phases[i]?.name ?? null, holdout: false };
}
