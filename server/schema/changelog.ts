import { z } from 'zod';
import { Id, Timestamp } from './common.ts';
import { CompiledContent } from './content.ts';

/**
 * One post of a site's public changelog: a feed message everyone may read, in the reader's locale.
 * `publicAt` is when it became public: its publication, or later, when its release reached everyone.
 */
export const PublicPost = z.object({
  id: Id,
  content: CompiledContent,
  locale: z.string(),
  rtl: z.boolean(),
  publicAt: Timestamp,
});
export type PublicPost = z.infer<typeof PublicPost>;

/** POST /changelog/:site/subscribe: an address for the email digest (from the form or as JSON). */
export const SubscribeRequest = z.object({
  // RFC 5321 caps a path at 254 characters; zod's check is deliberately simple (no quoted local parts).
  email: z.email().max(254),
});
export type SubscribeRequest = z.infer<typeof SubscribeRequest>;

/** GET /api/sites/:id/digest: can the digest go out, to how many, and when it last ran. */
export const DigestStatus = z.object({
  /** False when no SMTP is configured (`HERALD_SMTP_URL`): then nothing is sent and no form is offered. */
  smtp: z.boolean(),
  changelogUrl: z.string().nullable(),
  subscribers: z.object({ pending: z.number().int(), confirmed: z.number().int() }),
  lastRunAt: Timestamp.nullable(),
});
export type DigestStatus = z.infer<typeof DigestStatus>;

/** POST /api/sites/:id/digest/send: mails sent, and not sent because the relay refused them (retried on the next run). */
export const DigestReport = z.object({ sent: z.number().int(), unsent: z.number().int() });
export type DigestReport = z.infer<typeof DigestReport>;
