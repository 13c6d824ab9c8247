import { z } from 'zod';
import { Id, Traits } from './common.ts';
import { HiddenReason } from './reasons.ts';

/** POST /api/sites/:siteId/preview: would this sample user see this message now, and if not, why? */
export const PreviewRequest = z.object({
  messageId: Id,
  user: z
    .object({
      id: z.string().max(200).optional(),
      anonymousId: z.string().max(200).optional(),
      traits: Traits.default({}),
    })
    .default({ traits: {} }),
  context: z
    .object({ url: z.string().max(4000).optional(), locale: z.string().max(50).optional() })
    .default({}),
  /** Ignore what the user already saw or dismissed, to preview targeting alone. */
  ignoreHistory: z.boolean().default(false),
});
export type PreviewRequest = z.infer<typeof PreviewRequest>;

/** Which rule puts a user where a release has them (`server/core/release-standing.ts`). */
export const ReleaseWhy = z.enum([
  'exposed',
  'holdout',
  'draft',
  'rolled-back',
  'paused',
  'outside-audience',
  'outside-percent',
]);

/** One release for one user: decide's decision, the rule behind it, and that rule in words. */
export const ReleaseExplained = z.object({
  id: Id,
  key: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  phase: z.string().nullable(),
  holdout: z.boolean(),
  why: ReleaseWhy,
  /** In words: which rule keeps them out (audience or percentage of which phase, holdout, paused…). */
  reason: z.string(),
});
export type ReleaseExplained = z.infer<typeof ReleaseExplained>;

export const PreviewResponse = z.object({
  show: z.boolean(),
  reason: HiddenReason.nullable(),
  /** The reason in words: for a release, which of its rules; for the attention budget, the budget named. */
  detail: z.string().nullable(),
  /** The message's release for this user, or null when it follows none. */
  release: ReleaseExplained.nullable(),
});
export type PreviewResponse = z.infer<typeof PreviewResponse>;
