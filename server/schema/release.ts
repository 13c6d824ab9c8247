import { z } from 'zod';
import { Id, patchOf, Timestamp, timestamps } from './common.ts';
import { Condition } from './condition.ts';

/** One step of a rollout: who is eligible and what share of them is exposed. */
export const Phase = z.object({
  name: z.string().min(1).max(200),
  audience: Condition.default({}),
  percent: z.number().min(0).max(100),
});
export type Phase = z.infer<typeof Phase>;

/** Limits that pause a release by themselves once enough responses are in. */
export const Guardrails = z.object({
  minResponses: z.number().int().min(1).default(20),
  minAverageRating: z.number().min(0).max(10).optional(),
  maxDismissRate: z.number().min(0).max(1).optional(),
});
export type Guardrails = z.infer<typeof Guardrails>;

/** The gate that moves a release to its next phase by itself. */
export const AutoAdvance = z.object({
  afterHours: z.number().min(0).default(0),
  minResponses: z.number().int().min(0).default(0),
  minAverageRating: z.number().min(0).max(10).optional(),
});
export type AutoAdvance = z.infer<typeof AutoAdvance>;

export const ReleaseStatus = z.enum(['draft', 'active', 'paused', 'rolled_back', 'complete']);
export type ReleaseStatus = z.infer<typeof ReleaseStatus>;

const releaseFields = {
  key: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9-_.]*$/, 'lowercase letters, digits, - _ .'),
  name: z.string().min(1).max(200),
  phases: z.array(Phase).min(1).max(20),
  holdoutPercent: z.number().min(0).max(50).default(0),
  goal: z
    .object({ event: z.string().min(1).max(200) })
    .nullable()
    .default(null),
  guardrails: Guardrails.nullable().default(null),
  autoAdvance: AutoAdvance.nullable().default(null),
  /** Gates and guardrails count only feedback from users proved by an identity token (verified receipts). */
  verifiedOnly: z.boolean().optional(),
};

/** A release as the admin API takes it on create (a draft until its first advance). */
export const ReleaseInput = z.object(releaseFields).strict();
export type ReleaseInput = z.infer<typeof ReleaseInput>;

export const ReleasePatch = patchOf(releaseFields);
export type ReleasePatch = z.infer<typeof ReleasePatch>;

export const RolloutAction = z.enum(['advance', 'pause', 'resume', 'rollback', 'complete']);
export type RolloutAction = z.infer<typeof RolloutAction>;

/** One transition in a release's history: what changed, why, and who or what did it. */
export const TransitionEntry = z.object({
  at: Timestamp,
  action: RolloutAction,
  from: ReleaseStatus,
  to: ReleaseStatus,
  fromPhase: z.number().int(),
  toPhase: z.number().int(),
  /** `manual`, or the automatic rule that fired. */
  by: z.enum(['manual', 'auto-advance', 'guardrail']),
  /** Who acted by hand: an account's email, or `api-token`. */
  actor: z.string().optional(),
  reason: z.string(),
});
export type TransitionEntry = z.infer<typeof TransitionEntry>;

/**
 * A stored release. `currentPhase` is the index of the phase in force, -1 while a draft. `version` counts
 * its writes: a write states the version it read and fails if another came first (compare-and-set).
 */
export const Release = ReleaseInput.extend({
  version: z.number().int().min(0).default(0),
  history: z.array(TransitionEntry).default([]),
  id: Id,
  siteId: Id,
  status: ReleaseStatus,
  currentPhase: z.number().int().min(-1),
  phaseStartedAt: Timestamp.nullable(),
  ...timestamps,
});
export type Release = z.infer<typeof Release>;
