import type { Context } from 'hono';
import type { IdMaker } from './http/ids.ts';
import type { LimitSettings } from './http/limits.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { LiveSites } from './live/live-sites.ts';
import type { RolloutService } from './rollout/service.ts';
import type { Store } from './store/store.ts';

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

/** Announces and hears "site X changed" across instances. */
export type ChangeFeed = {
  publish(siteId: string): void;
  subscribe(listener: (siteId: string) => void): void;
};

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
  /** Waits before each webhook retry (default 2 s, 10 s, 1 min, 5 min). */
  webhookRetryDelaysMs?: number[];
  /** Abuse limits that differ from `DEFAULT_LIMITS` (each replaces the default whole). */
  limits?: Partial<LimitSettings>;
};

/** The dependencies routes receive: the app's, plus what is built once per app (cache, limits). */
export type RouteDeps = AppDeps & {
  live: LiveSites;
  rollout: RolloutService;
  limiter: RateLimiter;
  limit: LimitSettings;
};
