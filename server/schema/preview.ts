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

export const PreviewResponse = z.object({
  show: z.boolean(),
  reason: HiddenReason.nullable(),
  detail: z.string().nullable(),
});
export type PreviewResponse = z.infer<typeof PreviewResponse>;
