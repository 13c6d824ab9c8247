import type { Release, RolloutAction } from '../../server/schema/release.ts';

/** A rollout button: the action it sends and the words on it. */
export type RolloutButton = { action: RolloutAction; label: string };

const q = (name: string | undefined) => `“${name ?? ''}”`;

/**
 * The rollout actions that apply to a release now, as the server's transitions allow them: a draft only
 * starts; an active release advances (until its last phase), pauses, rolls back or completes; a paused one
 * resumes, rolls back or completes; a complete one can still be rolled back; a rolled-back one is over.
 *
 * @example applicableActions(active)[0] // { action: 'advance', label: 'Advance to “Texas”' }
 */
export function applicableActions(r: Release): RolloutButton[] {
  const rollback: RolloutButton = { action: 'rollback', label: 'Roll back' };
  const complete: RolloutButton = { action: 'complete', label: 'Complete' };
  switch (r.status) {
    case 'draft':
      return [{ action: 'advance', label: `Start ${q(r.phases[0]?.name)}` }];
    case 'active': {
      const next = r.phases[r.currentPhase + 1];
      const advance: RolloutButton[] = next
        ? [{ action: 'advance', label: `Advance to ${q(next.name)}` }]
        : [];
      return [...advance, { action: 'pause', label: 'Pause' }, rollback, complete];
    }
    case 'paused':
      return [{ action: 'resume', label: 'Resume' }, rollback, complete];
    case 'complete':
      return [rollback];
    case 'rolled_back':
      return [];
  }
}

/**
 * What happened, for the live region, once the server applied an action.
 *
 * @example doneText('advance', releaseNowInTexas) // 'Advanced to “Texas”.'
 */
export function doneText(action: RolloutAction, r: Release): string {
  const phase = q(r.phases[r.currentPhase]?.name);
  if (r.status === 'complete') return 'Completed: everyone in every phase now has the feature.';
  switch (action) {
    case 'advance':
      return r.currentPhase === 0 ? `Started ${phase}.` : `Advanced to ${phase}.`;
    case 'pause':
      return 'Paused: its messages stop; users already exposed keep the feature.';
    case 'resume':
      return `Resumed in ${phase}.`;
    case 'rollback':
      return 'Rolled back: the feature and its messages are off for everyone.';
    case 'complete':
      return 'Completed.';
  }
}
