import type { Release, ReleaseStatus, RolloutAction, TransitionEntry } from '../../schema/release.ts';

export type TransitionResult =
  | { ok: true; release: Release; entry: TransitionEntry }
  | { ok: false; reason: string };

/** Which statuses each action may start from. */
const allowed: Record<RolloutAction, ReleaseStatus[]> = {
  advance: ['draft', 'active'],
  pause: ['active'],
  resume: ['paused'],
  rollback: ['active', 'paused', 'complete'],
  complete: ['active', 'paused'],
};

function target(release: Release, action: RolloutAction): { status: ReleaseStatus; phase: number } {
  const last = release.phases.length - 1;
  switch (action) {
    case 'advance':
      return release.currentPhase >= last
        ? { status: 'complete', phase: last }
        : { status: 'active', phase: release.currentPhase + 1 };
    case 'pause':
      return { status: 'paused', phase: release.currentPhase };
    case 'resume':
      return { status: 'active', phase: release.currentPhase };
    case 'rollback':
      return { status: 'rolled_back', phase: release.currentPhase };
    case 'complete':
      return { status: 'complete', phase: last };
  }
}

/**
 * Applies a rollout action: a draft's first `advance` starts phase 0, each later one moves to the next phase
 * (past the last, the release is complete). Every transition is kept in the history with its reason.
 * An action that does not apply is a value, not an exception: the route turns it into a 409.
 *
 * @example transition(draft, 'advance', { at, by: 'manual', reason: 'pilot starts' }) // → active, phase 0
 */
export function transition(
  release: Release,
  action: RolloutAction,
  why: { at: string; by: TransitionEntry['by']; reason: string; actor?: string },
): TransitionResult {
  if (!allowed[action].includes(release.status)) {
    const status = release.status.replace('_', ' ');
    return { ok: false, reason: `${status === 'active' ? 'an' : 'a'} ${status} release cannot ${action}` };
  }
  const to = target(release, action);
  const entry: TransitionEntry = {
    at: why.at,
    action,
    from: release.status,
    to: to.status,
    fromPhase: release.currentPhase,
    toPhase: to.phase,
    by: why.by,
    ...(why.actor ? { actor: why.actor } : {}),
    reason: why.reason,
  };
  const phaseChanged = to.phase !== release.currentPhase || release.status === 'draft';
  return {
    ok: true,
    entry,
    release: {
      ...release,
      status: to.status,
      currentPhase: to.phase,
      phaseStartedAt: phaseChanged ? why.at : release.phaseStartedAt,
      history: [...release.history, entry],
      updatedAt: why.at,
    },
  };
}

/** The line a chat tool can post as is, for the site's webhook. */
export function transitionText(release: Release, entry: TransitionEntry): string {
  const phase = release.phases[entry.toPhase]?.name ?? 'no phase';
  const verb: Record<RolloutAction, string> = {
    advance: entry.to === 'complete' ? 'completed' : `advanced to “${phase}”`,
    pause: 'paused',
    resume: `resumed in “${phase}”`,
    rollback: 'rolled back',
    complete: 'completed',
  };
  const who = entry.by === 'manual' ? '' : ` (${entry.by})`;
  return `Release “${release.name}” ${verb[entry.action]}${who}: ${entry.reason}`;
}
