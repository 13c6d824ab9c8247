import { ratingProblem } from '../../core/scales.ts';
import { ApiError } from '../../http/errors.ts';
import { checkReceipt, type ReceiptCheck, secretsOf } from '../../http/receipts.ts';
import type { Event } from '../../schema/events.ts';
import type { Message } from '../../schema/message.ts';
import type { Site } from '../../schema/site.ts';

/**
 * Refuses the whole batch (400, naming each field) when a response rates a message outside its survey's
 * scale: such a value is a bug or an attack, never something to store.
 */
export function assertRatings(events: readonly Event[], messages: Map<string, Message>): void {
  const fields: Record<string, string> = {};
  events.forEach((e, i) => {
    const message = e.messageId === undefined ? undefined : messages.get(e.messageId);
    if (e.type !== 'response' || e.value === undefined || message === undefined) return;
    const problem = ratingProblem(message.survey, e.value);
    if (problem !== null) fields[`events.${i}.value`] = problem;
  });
  const first = Object.entries(fields)[0];
  if (first) throw new ApiError(400, 'invalid_rating', `${first[0]}: ${first[1]}`, fields);
}

/**
 * Who an event is proved to come from, or null when it must not count (DESIGN: nobody may forge feedback).
 * A message event needs the receipt served with that message to that user. A goal or track event needs
 * nothing on a site without identity verification (ids there are the browser's word anyway); with it, the
 * receipt of a decide answer given to a verified user.
 */
export function proveEvent(site: Site, e: Event, now: Date): ReceiptCheck | null {
  const verification = site.identityVerification !== 'off';
  if (e.messageId === undefined && !verification) {
    return { userKey: (e.user.id ?? e.user.anonymousId) as string, verified: false };
  }
  const proof = checkReceipt(secretsOf(site, now), e.receipt, {
    siteId: site.id,
    userKeys: [e.user.id, e.user.anonymousId],
    messageId: e.messageId ?? '',
    now: now.getTime(),
  });
  if (e.messageId === undefined && !proof?.verified) return null;
  return proof;
}
