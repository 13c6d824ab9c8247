import type { Context } from 'hono';
import type { DigestService } from './changelog/digest.ts';
import type { IdMaker } from './http/ids.ts';
import type { LimitSettings } from './http/limits.ts';
import type { RequestObservation } from './http/observe.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { LiveSites } from './live/live-sites.ts';
import type { RolloutService } from './rollout/service.ts';
import type { Store } from './store/store.ts';
import type { UserChangeFeed } from './store/user-state-cache.ts';

/** Static files (the built widget, demo and admin) as the app sees them, so Node and Workers can each provide their own. */
export type Asset = { body: Uint8Array; contentType: string; encoding?: 'br' | 'gzip' };
export type AssetSource = (path: string, acceptEncoding: string) => Promise<Asset | null>;

/**
 * Password hashing, kept out of the app because the strong hash (scrypt) is Node's, not a web standard.
 * `hash` returns a self-describing string; `verify` answers whether a password matches one.
 */
export type Passwords = {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
};

/** Announces and hears "site X changed" (and "these users' states changed") across instances. */
export type ChangeFeed = UserChangeFeed & {
  publish(siteId: string): void;
  subscribe(listener: (siteId: string) => void): void;
};

/** One mail to one address; `headers` adds e.g. `List-Unsubscribe`. */
export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

/** Sends mail (SMTP through nodemailer on Node); absent when no SMTP is configured, and then nothing is sent. */
export type Mailer = { send(mail: OutgoingMail): Promise<void> };

/** Everything the app depends on, passed in (CONVENTIONS #10); only main.ts builds the real ones. */
export type AppDeps = {
  store: Store;
  clock: () => Date;
  ids: IdMaker;
  log: (message: string, detail?: unknown) => void;
  apiToken?: string | undefined;
  publicUrl: string;
  assets?: AssetSource;
  passwords: Passwords;
  /** The client's address, for rate-limiting sign-ins; how to find it depends on the runtime and proxies. */
  clientIp?: (c: Context) => string | undefined;
  /**
   * How instances sharing one database tell each other a site changed, so each drops its cached messages
   * (PostgreSQL LISTEN/NOTIFY in production; absent with one instance).
   */
  changes?: ChangeFeed;
  /**
   * Keep up to `max` recent user states in memory, so a returning user's decide reads nothing. Only safe
   * when every instance writing the database shares `changes` (or there is one instance): main.ts sets it.
   */
  userStateCache?: { max: number };
  /** Waits before each webhook retry (default 2 s, 10 s, 1 min, 5 min); then the notice is kept as failed. */
  webhookRetryDelaysMs?: number[];
  /** Abuse limits that differ from `DEFAULT_LIMITS` (each replaces the default whole). */
  limits?: Partial<LimitSettings>;
  /** Told of every answered request (main.ts: the latency histogram and the JSON request log). */
  observe?: (request: RequestObservation) => void;
  /** Serves `GET /metrics` with this text (main.ts: prom-client's registry); absent, there is no endpoint. */
  metrics?: () => Promise<string>;
  /** The changelog's email digest and its confirmation mails go through this (`HERALD_SMTP_URL`). */
  mailer?: Mailer;
  /**
   * Workers: no request may await a promise another request made (workerd cancels it as hung), so
   * concurrent misses of a cache each do their own load instead of sharing one.
   */
  isolatedRequests?: boolean;
};

/** The dependencies routes receive: the app's, plus what is built once per app (cache, limits). */
export type RouteDeps = AppDeps & {
  live: LiveSites;
  rollout: RolloutService;
  limiter: RateLimiter;
  limit: LimitSettings;
  digests: DigestService;
};
