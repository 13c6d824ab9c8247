import type { Event } from '../schema/events.ts';
import type { UserState } from '../schema/history.ts';
import type { Message } from '../schema/message.ts';
import type { Release } from '../schema/release.ts';
import type { ResponseRow, ResultsCounts } from '../schema/results.ts';
import type { Site } from '../schema/site.ts';

/**
 * An event as stored: the client's event plus what the server knows when it arrives.
 * `userKey` is the user id, else the anonymous id (DESIGN: stable buckets).
 */
export type StoredEvent = Event & {
  siteId: string;
  userKey: string;
  receivedAt: string;
  /** The message interrupts the user (modal, slide-out, survey): counts against the attention budget. */
  interrupting: boolean;
  /** The release phase the user was in when the event happened, for per-phase reports. */
  phase: string | null;
};

/** What one insert did: new events stored, and ids seen before (ignored). */
export type InsertResult = { accepted: number; duplicates: number };

/** A results breakdown: `trait:NAME` groups by the user's last-seen trait; `phase` by release phase. */
export type ResultsBy = { kind: 'trait'; name: string } | { kind: 'phase' } | null;

export type ResultsGroups = {
  overall: ResultsCounts;
  groups: { key: string | null; counts: ResultsCounts }[];
};

export type ResponsesQuery = { limit: number; offset: number; search?: string };

/**
 * Herald's storage. Async so that the same app runs on SQLite, PostgreSQL and Cloudflare D1.
 * Every method either completes or throws; nothing acknowledged is ever lost.
 */
export interface Store {
  /** Runs pending migrations; called on start. */
  migrate(): Promise<void>;
  /** A cheap round trip, for /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;

  createSite(site: Site): Promise<void>;
  getSite(id: string): Promise<Site | null>;
  getSiteByPublicKey(publicKey: string): Promise<Site | null>;
  listSites(): Promise<Site[]>;
  updateSite(site: Site): Promise<void>;

  createMessage(message: Message): Promise<void>;
  getMessage(id: string): Promise<Message | null>;
  listMessages(siteId: string): Promise<Message[]>;
  /** Live messages of a site: what decide evaluates. */
  liveMessages(siteId: string): Promise<Message[]>;
  updateMessage(message: Message): Promise<void>;
  /** Deletes a message and its events; false when there was none. */
  deleteMessage(id: string): Promise<boolean>;

  createRelease(release: Release): Promise<void>;
  getRelease(id: string): Promise<Release | null>;
  listReleases(siteId: string): Promise<Release[]>;
  updateRelease(release: Release): Promise<void>;

  /**
   * The merged state of a user known by any of `userKeys` (id and anonymous id): one indexed lookup.
   * Null when the site has never seen them.
   */
  getUserState(siteId: string, userKeys: string[]): Promise<UserState | null>;
  /** Remembers the traits a user was last seen with (written only when they changed). */
  saveTraits(siteId: string, userKey: string, traits: Record<string, unknown>, at: string): Promise<void>;

  /**
   * Inserts events, ignoring ids already stored, and updates each user's state in the same transaction.
   * Resolves only once committed to disk. Concurrent calls share one transaction (group commit).
   */
  insertEvents(events: StoredEvent[]): Promise<InsertResult>;

  /** Aggregated counts for one message, overall and per group. */
  results(messageId: string, by: ResultsBy): Promise<ResultsGroups>;
  /** Individual responses, newest first. */
  responses(messageId: string, query: ResponsesQuery): Promise<ResponseRow[]>;
  /** Number of stored events of a site: used by tests and health checks that nothing changed. */
  countEvents(siteId?: string): Promise<number>;
}
