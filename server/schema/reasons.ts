import { z } from 'zod';

/** Why decide() hid a message — shown to product managers in the preview (CONVENTIONS #8). */
export const HiddenReason = z.enum([
  'not-live',
  'scheduled',
  'expired',
  'page-excluded',
  'not-in-audience',
  'outside-rollout',
  'release-inactive',
  'not-exposed',
  'holdout',
  'frequency-capped',
  'dismissed',
  'answered',
  'attention-budget',
  'no-content',
]);
export type HiddenReason = z.infer<typeof HiddenReason>;
