import type { Message, MessageInput, MessageStatus } from '../schema/message.ts';

/** The lifecycle actions of a message, each an endpoint of its own (`POST /api/messages/:id/publish`). */
export type LifecycleAction = 'publish' | 'pause' | 'archive';

/**
 * What can happen to a stored message: an author's edit (the whole input, validated, with its content
 * compiled) or a lifecycle action. Every write of a message is one of these, applied by
 * {@link applyMessageChange} to the message as it is stored now.
 */
export type MessageChange =
  | { kind: 'edit'; input: MessageInput; compiled: Message['compiled'] }
  | { kind: LifecycleAction };

/** The changed message, or why the change does not apply to the message as it is. */
export type MessageOutcome = { ok: true; message: Message } | { ok: false; reason: string };

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

/** Which statuses each lifecycle action may start from, and where it leads. */
const transitions: Record<LifecycleAction, { to: MessageStatus; from: readonly MessageStatus[] }> = {
  publish: { to: 'live', from: ['draft', 'paused', 'live'] },
  pause: { to: 'paused', from: ['live', 'paused'] },
  archive: { to: 'archived', from: ['draft', 'live', 'paused', 'archived'] },
};

/**
 * A message after one change, at `now` (an ISO time): an edit replaces what the author wrote and keeps the
 * lifecycle (status, first publication), so an edit saved after a pause never undoes it; an action moves the
 * status where the message's status allows it, and the first publication keeps its time. The version is
 * the store's to count.
 *
 * @example applyMessageChange(draft, { kind: 'publish' }, now) // { ok: true, message: { …, status: 'live', publishedAt: now } }
 */
export function applyMessageChange(message: Message, change: MessageChange, now: string): MessageOutcome {
  if (change.kind === 'edit') {
    const { id, siteId, version, status, createdAt, publishedAt } = message;
    const edited = { ...change.input, compiled: change.compiled };
    return {
      ok: true,
      message: { ...edited, id, siteId, version, status, createdAt, publishedAt, updatedAt: now },
    };
  }
  const { to, from } = transitions[change.kind];
  if (!from.includes(message.status))
    return {
      ok: false,
      reason: `${article(message.status)} ${message.status} message cannot ${change.kind}`,
    };
  const publishedAt = to === 'live' ? (message.publishedAt ?? now) : message.publishedAt;
  return { ok: true, message: { ...message, status: to, publishedAt, updatedAt: now } };
}
