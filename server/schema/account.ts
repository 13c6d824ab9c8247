import { z } from 'zod';
import { Id, Timestamp, timestamps } from './common.ts';

/** What an account may do: `admin` everything (accounts, audit); `editor` writes messages and releases; `viewer` reads. */
export const Role = z.enum(['admin', 'editor', 'viewer']);
export type Role = z.infer<typeof Role>;

/**
 * An email address, trimmed and lower-cased so one person has one account. The HTML form rule, not a
 * stricter one, so that `admin@localhost` (the generated first admin) is valid.
 */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ pattern: z.regexes.html5Email }));

/** A new password: long rather than complicated (OWASP); the upper bound keeps hashing cheap to refuse. */
export const Password = z.string().min(12, 'a password needs at least 12 characters').max(200);

/** POST /api/accounts. */
export const AccountInput = z.object({ email: Email, password: Password, role: Role }).strict();
export type AccountInput = z.infer<typeof AccountInput>;

/** PATCH /api/accounts/:id: a new role, a new password, or (dis)abling. Each signs the account out everywhere. */
export const AccountPatch = z
  .object({ role: Role, password: Password, disabled: z.boolean() })
  .partial()
  .strict();
export type AccountPatch = z.infer<typeof AccountPatch>;

/** An account as the API shows it; the password hash never leaves the store. */
export const Account = z.object({
  id: Id,
  email: z.string(),
  role: Role,
  /** A disabled account cannot sign in and its sessions are ended. */
  disabled: z.boolean(),
  ...timestamps,
});
export type Account = z.infer<typeof Account>;

/** POST /api/session. Not checked as an email: a malformed one simply fails like an unknown one. */
export const LoginRequest = z
  .object({ email: z.string().trim().toLowerCase().min(1).max(254), password: z.string().min(1).max(200) })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

/**
 * The signed-in session: who, and the token every state-changing request must echo in `x-csrf-token`.
 * The session token itself lives only in the HttpOnly cookie.
 */
export const SessionInfo = z.object({
  account: Account,
  csrfToken: z.string(),
  /** The server's public base URL (HERALD_PUBLIC_URL), for embed snippets that are right behind a proxy. */
  publicUrl: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** One change made through the admin API: who (`actor`: an email or `api-token`), what, when. */
export const AuditEntry = z.object({
  id: Id,
  at: Timestamp,
  actor: z.string(),
  /** Method and route pattern, e.g. `PATCH /api/messages/:id`. */
  action: z.string(),
  /** The id the change concerns (the created one for a create), when there is one. */
  target: z.string().nullable(),
  /** A little context, never values that may be secret: e.g. `{ fields: ['name', 'audience'] }`. */
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** GET /api/audit: newest first. */
export const AuditPage = z.object({ entries: z.array(AuditEntry) });
export type AuditPage = z.infer<typeof AuditPage>;
