import { z } from 'zod';
import { Timestamp, Traits } from './common.ts';

/** What one user did with one message: enough for frequency rules without reading the event log. */
export const MessageHistory = z.object({
  impressions: z.number().int().min(0),
  firstSeenAt: Timestamp.nullable(),
  lastSeenAt: Timestamp.nullable(),
  dismissedAt: Timestamp.nullable(),
  clickedAt: Timestamp.nullable(),
  respondedAt: Timestamp.nullable(),
});
export type MessageHistory = z.infer<typeof MessageHistory>;

/** A user reached by a release: the phase that first reached them, and whether they are held out. */
export const Exposure = z.object({ phase: z.number().int().min(0), holdout: z.boolean(), at: Timestamp });
export type Exposure = z.infer<typeof Exposure>;

/** One user's state on one site, kept in one row so decide needs one indexed lookup. */
export const UserState = z.object({
  traits: Traits,
  messages: z.record(z.string(), MessageHistory),
  /** Times of recent impressions of interrupting messages (last 24 h), for the attention budget. */
  interruptions: z.array(Timestamp),
  lastSeenAt: Timestamp.nullable(),
  /**
   * Release id → the user's recorded exposure. Exposure is sticky: once reached, a user stays exposed even if
   * their traits change or the release pauses. Absent in rows written before releases recorded it.
   */
  exposures: z.record(z.string(), Exposure).optional(),
});
export type UserState = z.infer<typeof UserState>;

/**
 * A user state as read back from its row. Parsed rather than trusted, so a row the code no longer
 * understands fails loudly instead of deciding wrongly. Rows from before releases recorded exposures have
 * none, which reads as "reached by no release". Traits were bounded when they arrived and are not checked
 * again, so tighter bounds later cannot make old rows unreadable.
 */
export const StoredUserState = UserState.extend({ traits: z.record(z.string(), z.unknown()) });
