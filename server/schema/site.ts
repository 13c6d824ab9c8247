import { z } from 'zod';
import { Id, patchOf, Timestamp, timestamps } from './common.ts';

/** How many interrupting messages (modal, slide-out, survey) one user may get, site-wide. */
export const AttentionBudget = z.object({
  maxPerDay: z.number().int().min(0).max(100).default(3),
  minGapMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(30),
});
export type AttentionBudget = z.infer<typeof AttentionBudget>;

/** The widget's look; applied as CSS variables on the shadow host. */
export const Theme = z.object({
  brandColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#4f46e5'),
  radius: z.number().int().min(0).max(32).default(12),
  font: z.string().max(200).default('system-ui, sans-serif'),
});
export type Theme = z.infer<typeof Theme>;

/**
 * Identity verification: `off` trusts traits from the browser; `optional` trusts a valid token and
 * ignores unsigned traits when a token is absent; `required` rejects decide requests without a valid token.
 */
export const IdentityVerification = z.enum(['off', 'optional', 'required']);
export type IdentityVerification = z.infer<typeof IdentityVerification>;

const origin = z
  .string()
  .regex(/^(https?:\/\/[^/\s]+|\*)$/, 'an origin is scheme://host[:port] with no path, or *');

const webhookUrl = z.url({ protocol: /^https?$/ }).max(2000);

/** The path of a site's public changelog, `/changelog/<slug>`: lowercase letters, digits and inner hyphens. */
export const ChangelogSlug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lowercase letters, digits and hyphens, e.g. scooters');

/** How often subscribers get a mail with the changelog's new public posts; `off` sends none. */
export const DigestSchedule = z.object({ every: z.enum(['off', 'daily', 'weekly']).default('off') });
export type DigestSchedule = z.infer<typeof DigestSchedule>;

/** A site's test users: the ids `Herald.identify` gives them, each once. */
export const TestUsers = z
  .array(z.string().trim().min(1).max(200))
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'each test user is listed once' });

const siteFields = {
  name: z.string().min(1).max(200),
  allowedOrigins: z.array(origin).max(50).default([]),
  identityVerification: IdentityVerification.default('off'),
  attention: AttentionBudget.default({ maxPerDay: 3, minGapMinutes: 30 }),
  theme: Theme.default({ brandColor: '#4f46e5', radius: 12, font: 'system-ui, sans-serif' }),
  defaultLocale: z.string().min(2).max(20).default('en'),
  /** Where release transitions are posted (JSON with a `text` line a chat tool can post as is). */
  webhookUrl: webhookUrl.nullable().default(null),
  /** Where the public changelog lives (`/changelog/<slug>`); null means the site has none. */
  changelogSlug: ChangelogSlug.nullable().default(null),
  digest: DigestSchedule.default({ every: 'off' }),
  /**
   * User ids who see releases before anyone else in test mode, and whose events are never counted (their
   * exposures are not recorded either): a PM's and QA's own accounts.
   */
  testUsers: TestUsers.default([]),
};

/** A site as the admin API takes it on create. */
export const SiteInput = z.object(siteFields);
export type SiteInput = z.infer<typeof SiteInput>;

/** A PATCH to a site: any subset of its editable fields. */
export const SitePatch = patchOf(siteFields);
export type SitePatch = z.infer<typeof SitePatch>;

/**
 * A stored site, with its keys. The secret signs identity tokens (HS256) and receipts; after a rotation
 * the previous one stays valid until `previousSecretUntil`, so nothing issued before breaks at once.
 */
export const Site = SiteInput.extend({
  id: Id,
  publicKey: z.string(),
  secret: z.string(),
  previousSecret: z.string().nullable().optional(),
  previousSecretUntil: Timestamp.nullable().optional(),
  ...timestamps,
});
export type Site = z.infer<typeof Site>;
