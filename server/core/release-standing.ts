import type { Condition } from '../schema/condition.ts';
import type { ReleaseDecision } from '../schema/decide.ts';
import type { Exposure } from '../schema/history.ts';
import type { Release } from '../schema/release.ts';
import { inRollout } from './bucketing.ts';
import { evalCondition } from './conditions/evaluate.ts';
import { decisionOf, exposedPhase, releaseReach } from './releases.ts';

/** Which rule puts a user where a release has them. */
export type ReleaseWhy =
  | 'exposed'
  | 'holdout'
  | 'draft'
  | 'rolled-back'
  | 'paused'
  | 'outside-audience'
  | 'outside-percent';

/** A release's decision for one user (what decide answers) with the rule behind it, as a code and in words. */
export type ReleaseStanding = ReleaseDecision & { why: ReleaseWhy; words: string };

/** The saved segments behind a phase's audience, in words (the site compiler's `audienceWords`). */
type AudienceWords = (audience: Condition) => string | undefined;

/**
 * Where a release has one user and which rule put them there, from the same reach decide uses (recorded
 * exposure first, so a paused release keeps those it reached). The words say which phase's audience (and
 * the segment it is, from `audienceWords`) or percentage keeps them out and which later phase would reach
 * them, for support and the preview.
 *
 * @example releaseStanding(texas50, 'u_boston', { city: 'Boston' }).words
 *   // 'outside the audience of the current phase “Texas”; the later phase “Everyone” will reach them'
 */
export function releaseStanding(
  release: Release,
  userKey: string,
  traits: Record<string, unknown>,
  recorded?: Exposure,
  audienceWords: AudienceWords = () => undefined,
): ReleaseStanding {
  const reach = releaseReach(release, userKey, traits, recorded);
  const decision = decisionOf(release, reach);
  const at = (why: ReleaseWhy, words: string): ReleaseStanding => ({ ...decision, why, words });
  if (release.status === 'draft') return at('draft', 'the release has not started (draft)');
  if (release.status === 'rolled_back')
    return at('rolled-back', 'the release was rolled back: off for everyone');
  const paused = release.status === 'paused' ? '; the release is paused, so its messages stop' : '';
  if (reach !== null) {
    const phase = quoted(release, reach.phase);
    return reach.holdout
      ? at(
          'holdout',
          `held out (reached in phase ${phase}), kept from the release to measure its lift${paused}`,
        )
      : at('exposed', `exposed in phase ${phase}${paused}`);
  }
  const current = release.status === 'complete' ? release.phases.length - 1 : release.currentPhase;
  if (release.status === 'paused') {
    const resumed = exposedPhase(release, userKey, traits);
    const then =
      resumed >= 0
        ? `when it resumes, phase ${quoted(release, resumed)} reaches them`
        : outsideWords(release, userKey, traits, current, audienceWords).words;
    return at(
      'paused',
      `the release is paused at phase ${quoted(release, current)} and reaches no one new; ${then}`,
    );
  }
  const where = outsideWords(release, userKey, traits, current, audienceWords);
  return at(where.why, where.words);
}

/** Why the phases so far leave the user out, and which later phase, if any, would reach them. */
function outsideWords(
  release: Release,
  userKey: string,
  traits: Record<string, unknown>,
  current: number,
  audienceWords: AudienceWords,
): { why: 'outside-audience' | 'outside-percent'; words: string } {
  let audienceOf = -1;
  for (let i = 0; i <= current; i++) if (inAudience(release, i, traits)) audienceOf = i;
  const phase = release.phases[audienceOf];
  const currentAudience = release.phases[current]?.audience;
  const segment = currentAudience === undefined ? undefined : audienceWords(currentAudience);
  const now =
    phase === undefined
      ? {
          why: 'outside-audience' as const,
          words: `outside the audience of the current phase ${quoted(release, current)}${segment ? ` (${segment})` : ''}`,
        }
      : {
          why: 'outside-percent' as const,
          words: `in the audience of phase ${quoted(release, audienceOf)} but outside its ${phase.percent}%`,
        };
  return { why: now.why, words: `${now.words}; ${laterWords(release, userKey, traits, current)}` };
}

/** The first later phase that would reach the user, or that they are in the audience of but outside the percentage. */
function laterWords(
  release: Release,
  userKey: string,
  traits: Record<string, unknown>,
  current: number,
): string {
  let near: number | undefined;
  for (let i = current + 1; i < release.phases.length; i++) {
    if (!inAudience(release, i, traits)) continue;
    if (inRollout(release.key, userKey, release.phases[i]?.percent ?? 0))
      return `the later phase ${quoted(release, i)} will reach them`;
    near ??= i;
  }
  if (near !== undefined)
    return `they are in the audience of the later phase ${quoted(release, near)} but outside its ${release.phases[near]?.percent}%`;
  return 'no later phase reaches them';
}

function inAudience(release: Release, i: number, traits: Record<string, unknown>): boolean {
  const phase = release.phases[i];
  return phase !== undefined && evalCondition(traits, phase.audience);
}

function quoted(release: Release, i: number): string {
  return `“${release.phases[i]?.name ?? `#${i + 1}`}”`;
}
