import type { MessageStatus } from '../../server/schema/message.ts';

const words: Record<MessageStatus, string> = {
  draft: 'Draft',
  live: 'Live',
  paused: 'Paused',
  archived: 'Archived',
};

/** A message's status as a coloured word (the word carries the meaning; colour only helps). */
export function StatusBadge({ status }: { status: MessageStatus }) {
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
