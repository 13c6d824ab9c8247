import { z } from 'zod';
import { Id, Timestamp, UserRef } from './common.ts';

export const EventType = z.enum(['impression', 'click', 'dismiss', 'response', 'goal', 'track']);
export type EventType = z.infer<typeof EventType>;

/** One thing a user did, with a client-made UUID so that a retried batch is counted once. */
export const Event = z
  .object({
    id: z.uuid(),
    type: EventType,
    messageId: Id.optional(),
    /** goal and track: the event's name, e.g. `reservation_made`. */
    name: z.string().min(1).max(200).optional(),
    /** response: the rating (stars 1–5, thumbs 0/1, emoji 1–5, NPS 0–10). */
    value: z.number().finite().min(-1000).max(1000).optional(),
    /** response: free text; also a feed reaction's emoji. */
    text: z.string().max(5000).optional(),
    props: z
      .record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
      .optional(),
    at: Timestamp,
    user: UserRef,
    /**
     * The receipt decide (or the feed) gave with the message, proving it was served to this user; without a
     * valid one a message event is not stored. A `track` or `goal` carries the decide answer's own receipt.
     */
    receipt: z.string().max(200).optional(),
  })
  .superRefine((e, ctx) => {
    const needsMessage =
      e.type === 'impression' || e.type === 'click' || e.type === 'dismiss' || e.type === 'response';
    if (needsMessage && e.messageId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['messageId'], message: `a ${e.type} event needs a messageId` });
    }
    if ((e.type === 'goal' || e.type === 'track') && e.name === undefined) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: `a ${e.type} event needs a name` });
    }
    if (e.type === 'response' && e.value === undefined && e.text === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a response needs a value or a text' });
    }
  });
export type Event = z.infer<typeof Event>;

/** POST /v1/events body; at most 100 events so one batch stays one quick transaction. */
export const EventBatch = z.object({
  site: z.string().min(1).max(100),
  events: z.array(Event).min(1).max(100),
});
export type EventBatch = z.infer<typeof EventBatch>;

/** Answered only once the batch is durably stored. */
export const EventsResponse = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  /**
   * Events not stored, present only when some were: naming a message that no longer exists, or without a
   * valid receipt for their user and message (or, on a site with identity verification, a goal or track
   * event not tied to a verified user).
   */
  ignored: z.number().int().optional(),
  /** Events of the site's test users, present only when some were: acknowledged, never stored or counted. */
  test: z.number().int().optional(),
});
export type EventsResponse = z.infer<typeof EventsResponse>;
