import { z } from 'zod';
import { Id, Traits } from './common.ts';
import { CompiledContent } from './content.ts';
import { Display, MessageKind, Pages, Survey, Trigger } from './message.ts';

/** The user as the widget describes them. A `token` (HS256 JWT signed by the product) is trusted over traits. */
export const DecideUser = z
  .object({
    id: z.string().min(1).max(200).optional(),
    anonymousId: z.string().min(1).max(200).optional(),
    traits: Traits.default({}),
    token: z.string().max(4000).optional(),
    /**
     * Asks for test mode (`Herald.identify(id, traits, { test: true })`, or `herald_test=1` in the page's
     * URL): granted only to the site's test users, verified ones where the site verifies identity.
     */
    test: z.boolean().optional(),
  })
  .refine((u) => u.id !== undefined || u.anonymousId !== undefined || u.token !== undefined, {
    message: 'user needs an id, an anonymousId or a token',
  });
export type DecideUser = z.infer<typeof DecideUser>;

export const DecideContext = z.object({
  url: z.string().max(4000).optional(),
  locale: z.string().max(50).optional(),
});
export type DecideContext = z.infer<typeof DecideContext>;

/** POST /v1/decide: what should this user see now? */
export const DecideRequest = z.object({
  site: z.string().min(1).max(100),
  user: DecideUser,
  context: DecideContext.default({}),
});
export type DecideRequest = z.infer<typeof DecideRequest>;

/** A message as the widget needs it: compiled content in the chosen locale, no targeting rules. */
export const ShownMessage = z.object({
  id: Id,
  kind: MessageKind,
  display: Display,
  content: CompiledContent,
  locale: z.string(),
  /** Right-to-left layout for this locale. */
  rtl: z.boolean(),
  trigger: Trigger,
  survey: Survey.optional(),
  /** Page patterns, so the widget re-checks the page after a delay or a client-side navigation. */
  pages: Pages,
  /** Whether a dismissal ends the message for good, so the widget can remember it locally too. */
  dismissible: z.enum(['forever', 'session']),
  priority: z.number().int(),
  releaseKey: z.string().optional(),
  /**
   * Proof that Herald served this message to this user (see `server/http/receipts.ts`); the widget sends it
   * back with every event about the message. Absent only outside a decide answer (admin previews).
   */
  receipt: z.string().optional(),
});
export type ShownMessage = z.infer<typeof ShownMessage>;

/** The release decision the product may use to gate the feature itself (`Herald.isEnabled`). */
export const ReleaseDecision = z.object({
  enabled: z.boolean(),
  phase: z.string().nullable(),
  holdout: z.boolean(),
});
export type ReleaseDecision = z.infer<typeof ReleaseDecision>;

export const DecideResponse = z.object({
  messages: z.array(ShownMessage),
  releases: z.record(z.string(), ReleaseDecision),
  /** Site look, so the widget themes itself without another request. */
  theme: z.object({ brandColor: z.string(), radius: z.number(), font: z.string() }).optional(),
  /** Unread changelog posts, for the launcher badge; absent when the user has no posts (no launcher). */
  feedUnread: z.number().int().min(0).optional(),
  /**
   * Proof that this answer went to this user, for their `track` and `goal` events: on a site with identity
   * verification those count only with it, so a goal is tied to a verified user.
   */
  receipt: z.string().optional(),
  /** Present (true) when the answer was made in test mode: each message then says so in its own body. */
  test: z.literal(true).optional(),
});
export type DecideResponse = z.infer<typeof DecideResponse>;
