import type { MessageStatus } from '../../server/schema/message.ts';
import type { ReleaseStatus } from '../../server/schema/release.ts';

const words: Record<MessageStatus, string> = {
  draft: 'Draft',
  live: 'Live',
  paused: 'Paused',
  archived: 'Archived',
};

/** Why a live message that follows a release reaches nobody now, by the release's status. */
const heldBy: Partial<Record<ReleaseStatus, string>> = {
  draft: 'Waiting for release',
  paused: 'Release paused',
  rolled_back: 'Release rolled back',
};

/**
 * A message's status as a coloured word (the word carries the meaning; colour only helps). A live message
 * whose release is paused, rolled back or not started says so instead of "Live": it reaches nobody now.
 */
export function StatusBadge({ status, release }: { status: MessageStatus; release?: ReleaseStatus }) {
  const held = status === 'live' && release !== undefined ? heldBy[release] : undefined;
  if (held) return <span class="badge paused">{held}</span>;
  return <span class={`badge ${status}`}>{words[status]}</span>;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A schedule in words: "Always", "From …", "Until …", "… – …". */
export function scheduleText(schedule: { start: string | null; end: string | null }): string {
  const { start, end } = schedule;
  if (start && end) return `${when(start)} – ${when(end)}`;
  if (start) return `From ${when(start)}`;
  if (end) return `Until ${when(end)}`;
  return 'Always';
}
