import { z } from 'zod';
import { Id } from './common.ts';
import { ReleaseStatus } from './release.ts';
import { Nps, Rating } from './results.ts';
import { IdentityVerification } from './site.ts';

const Interval = z.object({ low: z.number(), high: z.number() });

/** Goal conversion of exposed users against the holdout, with lift and 95% intervals. */
export const LiftReport = z.object({
  exposed: z.object({ users: z.number().int(), converted: z.number().int(), rate: z.number().nullable() }),
  holdout: z.object({ users: z.number().int(), converted: z.number().int(), rate: z.number().nullable() }),
  absolute: z.number().nullable(),
  absoluteInterval: Interval.nullable(),
  relative: z.number().nullable(),
  relativeInterval: Interval.nullable(),
  /** A plain sentence when the sample is too small to tell. */
  warning: z.string().nullable(),
});
export type LiftReport = z.infer<typeof LiftReport>;

/** One row of a release report: a phase, or a cohort (a trait value) when broken down by trait. */
export const ReportGroup = z.object({
  key: z.string().nullable(),
  label: z.string(),
  impressions: z.number().int(),
  clicks: z.number().int(),
  dismissals: z.number().int(),
  dismissRate: z.number().nullable(),
  responses: z.number().int(),
  rating: Rating,
  nps: Nps.nullable(),
  goal: LiftReport,
});
export type ReportGroup = z.infer<typeof ReportGroup>;

/** GET /api/releases/:id/report (`?by=trait:NAME` for cohorts instead of phases). */
export const ReleaseReport = z.object({
  release: z.object({
    id: Id,
    key: z.string(),
    name: z.string(),
    status: ReleaseStatus,
    currentPhase: z.number().int(),
  }),
  by: z.string(),
  goalEvent: z.string().nullable(),
  groups: z.array(ReportGroup),
  overall: ReportGroup,
  /** The current phase's auto-advance gate, e.g. "34/50 responses, 4.3★ ≥ 4.0, 51 h of 72 h". */
  gate: z
    .object({
      text: z.string(),
      met: z.boolean(),
      checks: z.array(z.object({ label: z.string(), met: z.boolean() })),
    })
    .nullable(),
  /** What the current phase's guardrails see now. */
  phaseStats: z.object({
    impressions: z.number().int(),
    dismissals: z.number().int(),
    responses: z.number().int(),
    /** Of `responses` (users who answered), those whose receipts name a user proved by an identity token. */
    verifiedResponses: z.number().int().optional(),
    averageRating: z.number().nullable(),
    hoursInPhase: z.number(),
  }),
  /** The site's identity verification: with `off`, no feedback can be verified (the page warns). */
  verification: IdentityVerification.optional(),
  /** Whether the gates count only verified feedback (the release's `verifiedOnly`). */
  verifiedOnly: z.boolean().optional(),
});
export type ReleaseReport = z.infer<typeof ReleaseReport>;
