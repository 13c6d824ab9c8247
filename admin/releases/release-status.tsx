import type { Release, ReleaseStatus } from '../../server/schema/release.ts';
import { useAdmin } from '../app/context.ts';
import './releases.css';

const words: Record<ReleaseStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  paused: 'Paused',
  rolled_back: 'Rolled back',
  complete: 'Complete',
};

/** A release's status in words, e.g. "Rolled back". */
export const statusWord = (status: ReleaseStatus) => words[status];

/** A release's status as a coloured word (the word carries the meaning; colour only helps). */
export function ReleaseStatusBadge({ status }: { status: ReleaseStatus }) {
  return <span class={`badge release ${status.replace('_', '-')}`}>{words[status]}</span>;
}

/** The phase in force, or null while a draft. */
export function currentPhase(r: Release) {
  return r.status === 'draft' ? null : (r.phases[r.currentPhase] ?? null);
}

/**
 * Where the rollout stands, in words: "Not started", "“Texas” (2 of 3)", "All phases".
 *
 * @example phaseText(release) // '“Pilot: Austin” (1 of 3)'
 */
export function phaseText(r: Release): string {
  if (r.status === 'complete') return 'All phases';
  const phase = currentPhase(r);
  return phase ? `“${phase.name}” (${r.currentPhase + 1} of ${r.phases.length})` : 'Not started';
}

/**
 * The release a message follows: its name (a link to its page) and status, and with `phase` where its
 * rollout stands; "None" when the message follows none.
 */
export function FollowedRelease({
  id,
  release,
  phase,
}: {
  id: string | null;
  release?: Release;
  phase?: boolean;
}) {
  const { router } = useAdmin();
  if (id === null) return <span class="muted">None</span>;
  if (!release) return <span class="muted">A release</span>;
  return (
    <span class="followed">
      <a href={router.href(`/releases/${release.id}`)}>{release.name}</a>{' '}
      <ReleaseStatusBadge status={release.status} />
      {phase && <span class="muted"> · {phaseText(release)}</span>}
    </span>
  );
}
