import { z } from 'zod';
import { Id, patchOf, timestamps } from './common.ts';
import { Condition } from './condition.ts';

const segmentFields = {
  /** What people call the audience, e.g. "Texas"; explanations name it. Unique within a site. */
  name: z.string().trim().min(1).max(100),
  description: z.string().max(500).default(''),
  /** The audience itself; it may not refer to another segment. */
  condition: Condition,
};

/**
 * A saved audience of a site (e.g. "Texas": city in Austin, Dallas, Houston, El Paso). Messages and release
 * phases refer to it with `{ "$segment": "<id>" }` in their audience, so that it is edited in one place.
 */
export const SegmentInput = z.object(segmentFields);
export type SegmentInput = z.infer<typeof SegmentInput>;

/** PATCH: any of the input's fields. */
export const SegmentPatch = patchOf(segmentFields);
export type SegmentPatch = z.infer<typeof SegmentPatch>;

export const Segment = SegmentInput.extend({
  id: Id,
  siteId: Id,
  ...timestamps,
});
export type Segment = z.infer<typeof Segment>;

/** Where a segment is referred to: a message's audience, or a release phase's. */
export const SegmentUse = z.object({
  kind: z.enum(['message', 'release']),
  id: Id,
  name: z.string(),
  /** A release's phase that refers to it. */
  phase: z.string().optional(),
});
export type SegmentUse = z.infer<typeof SegmentUse>;

/** A segment as the admin lists it: with what uses it. */
export const SegmentListed = Segment.extend({ usedBy: z.array(SegmentUse) });
export type SegmentListed = z.infer<typeof SegmentListed>;
