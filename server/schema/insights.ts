import { z } from 'zod';
import { Id, Timestamp, Traits } from './common.ts';
import { Condition } from './condition.ts';
import { MessageKind } from './message.ts';
import { ReleaseExplained } from './preview.ts';
import { HiddenReason } from './reasons.ts';

/** One time bucket of a message's activity, for charts and list trends. */
export const TimePoint = z.object({
  t: Timestamp,
  impressions: z.number().int(),
  clicks: z.number().int(),
  dismissals: z.number().int(),
  responses: z.number().int(),
});
export type TimePoint = z.infer<typeof TimePoint>;

/** GET /api/messages/:id/timeseries?bucket=hour|day&days=N: activity over time, oldest first, empty buckets included. */
export const TimeSeries = z.object({ bucket: z.enum(['hour', 'day']), points: z.array(TimePoint) });
export type TimeSeries = z.infer<typeof TimeSeries>;

/** GET /api/sites/:siteId/trends?days=14: daily impressions per message, oldest first, for the message list. */
export const Trends = z.object({
  days: z.array(z.string()),
  messages: z.record(Id, z.array(z.number().int())),
});
export type Trends = z.infer<typeof Trends>;

/**
 * POST /api/sites/:siteId/audience-estimate: how many known users (by last-seen traits and recorded exposures)
 * a message with this audience would reach now, given its rollout percentage and its release's status, phase,
 * percentage and holdout. `messageId` (a saved message) salts the rollout as decide does.
 */
export const AudienceEstimateRequest = z.object({
  audience: Condition,
  releaseId: Id.nullable().default(null),
  percent: z.number().min(0).max(100).default(100),
  messageId: Id.optional(),
});
export type AudienceEstimateRequest = z.infer<typeof AudienceEstimateRequest>;
export const AudienceEstimate = z.object({
  /** Known users the message would reach now: decide's audience, rollout and release checks. */
  matching: z.number().int(),
  known: z.number().int(),
  /** Known users the audience alone matches (before the rollout and the release). */
  audience: z.number().int(),
});
export type AudienceEstimate = z.infer<typeof AudienceEstimate>;

/** GET /api/releases/:id/widening?action=…: how many known users a rollout action would newly reach. */
export const Widening = z.object({
  /** Known users read (by their last-seen traits). */
  known: z.number().int(),
  /** Known users who have the feature and its messages now (inside a phase so far, not held out). */
  reachedNow: z.number().int(),
  /** The same after the action. */
  reachedAfter: z.number().int(),
  /** Known users the action newly reaches: reached after, not now. */
  newlyReached: z.number().int(),
});
export type Widening = z.infer<typeof Widening>;

/** What one user did with one message, for support's "why don't I have it yet?". */
export const UserMessageActivity = z.object({
  id: Id,
  name: z.string(),
  kind: MessageKind,
  impressions: z.number().int(),
  lastSeenAt: Timestamp.nullable(),
  dismissedAt: Timestamp.nullable(),
  clickedAt: Timestamp.nullable(),
  respondedAt: Timestamp.nullable(),
  responses: z.array(z.object({ value: z.number().nullable(), text: z.string().nullable(), at: Timestamp })),
  /** Would decide show it to them now, and if not why (same reasons as the preview). */
  shown: z.boolean(),
  reason: HiddenReason.nullable(),
  /** The reason in words, as the preview says it. */
  detail: z.string().nullable(),
});
export type UserMessageActivity = z.infer<typeof UserMessageActivity>;

/** GET /api/sites/:siteId/users/:key — one user by id or anonymous id. 404 when the site never saw them. */
export const UserLookup = z.object({
  key: z.string(),
  traits: Traits,
  lastSeenAt: Timestamp.nullable(),
  messages: z.array(UserMessageActivity),
  releases: z.array(ReleaseExplained),
});
export type UserLookup = z.infer<typeof UserLookup>;
