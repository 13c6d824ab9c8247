import type { Widening } from '../../schema/insights.ts';
import type { Release, RolloutAction } from '../../schema/release.ts';
import { releaseDecision } from '../releases.ts';
import { transition } from './transitions.ts';

/**
 * How many known users an action newly reaches, by the same rule decide uses (phase audience × percentage,
 * holdout left out), so that Start, Advance, Resume and Complete can say "this reaches about N more users"
 * before anyone clicks. A paused release reaches nobody with its messages, so Resume counts everyone it
 * reaches again. Null when the action does not apply to the release now.
 *
 * @example widening(pilot, 'advance', users) // { known: 240, reachedNow: 12, reachedAfter: 70, newlyReached: 58 }
 */
export function widening(
  release: Release,
  action: RolloutAction,
  users: { key: string; traits: Record<string, unknown> }[],
): Widening | null {
  const after = transition(release, action, { at: release.updatedAt, by: 'manual', reason: 'estimate' });
  if (!after.ok) return null;
  let reachedNow = 0;
  let reachedAfter = 0;
  let newlyReached = 0;
  for (const u of users) {
    const now = releaseDecision(release, u.key, u.traits).enabled;
    const then = releaseDecision(after.release, u.key, u.traits).enabled;
    if (now) reachedNow++;
    if (then) reachedAfter++;
    if (then && !now) newlyReached++;
  }
  return { known: users.length, reachedNow, reachedAfter, newlyReached };
}
