import { z } from 'zod';
import { Id, patchOf, Timestamp, timestamps } from './common.ts';
import { Condition } from './condition.ts';
import { CompiledContent, ContentByLocale } from './content.ts';

export const MessageKind = z.enum(['announcement', 'tooltip', 'survey']);
export type MessageKind = z.infer<typeof MessageKind>;

/** Where an announcement or survey appears; a tooltip is anchored to an element of the page instead. */
export const Display = z.union([
  z.object({
    style: z.enum(['modal', 'banner', 'slideout']),
    /** Banners only: top or bottom edge of the viewport. */
    position: z.enum(['top', 'bottom']).optional(),
  }),
  z.object({
    anchor: z.string().min(1).max(500),
    placement: z.enum(['top', 'bottom', 'left', 'right']).default('bottom'),
    /** A pulsing dot on the anchor that opens the tooltip when clicked, instead of opening at once. */
    hotspot: z.boolean().optional(),
  }),
]);
export type Display = z.infer<typeof Display>;

/** The rating scale of a survey; the question is the content title. */
export const SurveyScale = z.enum(['stars5', 'thumbs', 'emoji5', 'nps']);
export type SurveyScale = z.infer<typeof SurveyScale>;

export const Survey = z.object({
  scale: SurveyScale,
  /** Ask for a free-text comment after the rating. */
  followUp: z.boolean().default(false),
});
export type Survey = z.infer<typeof Survey>;

/** URL path patterns; `*` matches any run of characters, `/` included; an empty include means every page. */
export const Pages = z.object({
  include: z.array(z.string().min(1).max(500)).max(50).default([]),
  exclude: z.array(z.string().min(1).max(500)).max(50).default([]),
});
export type Pages = z.infer<typeof Pages>;

/** When the widget shows a message it was given: on load, on a tracked event, or when an element appears. */
export const Trigger = z.discriminatedUnion('on', [
  z.object({ on: z.literal('load'), delayMs: z.number().int().min(0).max(600_000).default(0) }),
  z.object({
    on: z.literal('event'),
    event: z.string().min(1).max(200),
    delayMs: z.number().int().min(0).max(600_000).default(0),
  }),
  z.object({
    on: z.literal('element'),
    selector: z.string().min(1).max(500),
    delayMs: z.number().int().min(0).max(600_000).default(0),
  }),
]);
export type Trigger = z.infer<typeof Trigger>;

/**
 * How often one user may see a message. `times`: at most `times` impressions, at least `everyDays` apart.
 * An answered survey is never asked again unless the mode is `always`.
 */
export const Frequency = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('once') }),
  z.object({ mode: z.literal('untilDismissed') }),
  z.object({ mode: z.literal('always') }),
  z.object({
    mode: z.literal('times'),
    times: z.number().int().min(1).max(1000),
    everyDays: z.number().min(0).max(365).default(0),
  }),
]);
export type Frequency = z.infer<typeof Frequency>;

export const Schedule = z.object({
  start: Timestamp.nullable().default(null),
  end: Timestamp.nullable().default(null),
});
export type Schedule = z.infer<typeof Schedule>;

export const Rollout = z.object({ percent: z.number().min(0).max(100).default(100) });
export type Rollout = z.infer<typeof Rollout>;

const messageFields = {
  kind: MessageKind,
  name: z.string().min(1).max(200),
  display: Display,
  content: ContentByLocale.refine((c) => Object.keys(c).length > 0, 'content needs at least one locale'),
  /** The locale used when the user's locale matches none; defaults to the site's. */
  defaultLocale: z.string().min(2).max(20).optional(),
  survey: Survey.optional(),
  audience: Condition.default({}),
  pages: Pages.default({ include: [], exclude: [] }),
  trigger: Trigger.default({ on: 'load', delayMs: 0 }),
  frequency: Frequency.default({ mode: 'untilDismissed' }),
  schedule: Schedule.default({ start: null, end: null }),
  rollout: Rollout.default({ percent: 100 }),
  releaseId: Id.nullable().default(null),
  priority: z.number().int().min(-1000).max(1000).default(0),
  /** Also list this message in the changelog feed. */
  feed: z.boolean().default(false),
  /**
   * Exempt from the site's attention budget: neither held back by it nor spending it (say, a release's own
   * rating survey that must not be starved by the announcement that spent the gap).
   */
  attentionExempt: z.boolean().optional(),
};

/** A message as the admin API takes it on create (created as a draft). */
export const MessageInput = z.object(messageFields).strict();
export type MessageInput = z.infer<typeof MessageInput>;

/**
 * A PATCH to a message: any subset of its fields; the merged result is validated as a whole. `version`, the
 * version the editor loaded, makes the save refuse (409 `message_changed`) when another write came first;
 * without it the patch is applied to the message as it is now.
 */
export const MessagePatch = patchOf(messageFields).extend({ version: z.number().int().min(0).optional() });
export type MessagePatch = z.infer<typeof MessagePatch>;

export const MessageStatus = z.enum(['draft', 'live', 'paused', 'archived']);
export type MessageStatus = z.infer<typeof MessageStatus>;

/**
 * A stored message: the input plus its identity, lifecycle and the content compiled on save. `version`
 * counts its writes: a write states the version it read and fails if another came first (compare-and-set).
 */
export const Message = MessageInput.extend({
  version: z.number().int().min(0).default(0),
  id: Id,
  siteId: Id,
  status: MessageStatus,
  compiled: z.record(z.string(), CompiledContent),
  ...timestamps,
  publishedAt: Timestamp.nullable(),
});
export type Message = z.infer<typeof Message>;
