import type { NewExposure } from '../core/decide.ts';
import type { Account, AuditEntry, Role } from '../schema/account.ts';
import type { Event } from '../schema/events.ts';
import type { UserState } from '../schema/history.ts';
import type { Message } from '../schema/message.ts';
import type { Release } from '../schema/release.ts';
import type { ResponseRow, ResultsCounts } from '../schema/results.ts';
import type { Segment } from '../schema/segment.ts';
import type { Site } from '../schema/site.ts';
import type { ActivityRow, KnownUser } from './insights-query.ts';
import type { PrefixCounts } from './prefix-query.ts';
import type { ReachRow, ReleaseActivity } from './report-query.ts';

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
  /** Its receipt was issued to a user proved by an identity token (gates may count only these). */
  verified: boolean;
};

/** A user as `recordUsers` imports them: traits, and the releases that reached them, at `at`. */
export type ImportedUser = {
  key: string;
  traits: Record<string, unknown>;
  exposures: NewExposure[];
  at: string;
};

/**
 * How much the group commits may hold waiting (`group-commit.ts`): past it, writes are refused with
 * `QueueFull` and the routes answer 503 with `Retry-After`.
 */
export type QueueBounds = { maxQueuedEvents?: number; maxQueuedUserWrites?: number };

/** What one insert did: new events stored, and ids seen before (ignored). */
export type InsertResult = { accepted: number; duplicates: number };

/**
 * A results breakdown: `trait:NAME` groups events by the trait their user had when they were stored (see
 * `core/rollup-groups.ts`); `phase` by release phase.
 */
export type ResultsBy = { kind: 'trait'; name: string } | { kind: 'phase' } | null;

export type ResultsGroups = {
  overall: ResultsCounts;
  groups: { key: string | null; counts: ResultsCounts }[];
};

export type ResponsesQuery = { limit: number; offset: number; search?: string };

/** A webhook notice to queue together with a release write (the outbox). */
export type NewNotice = {
  id: string;
  url: string;
  /** Posted as JSON. */
  payload: unknown;
  /** UTC ISO timestamp; with `seq`, the order notices to one URL go out in. */
  createdAt: string;
  seq: number;
};

/** A notice waiting in the outbox. `payload` is the JSON text to post. */
export type Notice = {
  id: string;
  url: string;
  payload: string;
  attempts: number;
  nextAttemptAt: string;
  claimedUntil: string | null;
};

/** How a delivery attempt ended: posted, or failed and retried at `retryAt` (null: given up). */
export type NoticeOutcome = { delivered: true } | { delivered: false; retryAt: string | null; error: string };

/** An account as stored: with its password hash (`scrypt$N$r$p$salt$hash`). */
export type StoredAccount = Account & { passwordHash: string };

/** A signed-in session. Found by the SHA-256 of its token; the token itself is only in the cookie. */
export type StoredSession = {
  tokenHash: string;
  accountId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
};

/**
 * Admin accounts, their sessions and the audit log (part of `Store`). Times are UTC ISO strings,
 * e.g. `new Date().toISOString()`.
 */
export interface AccountStore {
  /** Stores a new account; false, storing nothing, when its email (or id) is taken. */
  createAccount(account: StoredAccount): Promise<boolean>;
  getAccount(id: string): Promise<StoredAccount | null>;
  /** By the lower-cased email. */
  getAccountByEmail(email: string): Promise<StoredAccount | null>;
  /** Every account, in creation order, without password hashes. */
  listAccounts(): Promise<Account[]>;
  /** Replaces an account's role, disabled flag, password hash and `updatedAt`. */
  updateAccount(account: StoredAccount): Promise<void>;
  countAccounts(where?: { role?: Role; disabled?: boolean }): Promise<number>;

  /** Stores a session (and forgets sessions expired by its creation time). */
  createSession(session: StoredSession): Promise<void>;
  /** The session with this token hash if it expires after `now`, else null. */
  getSession(tokenHash: string, now: string): Promise<StoredSession | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of an account; answers how many there were. */
  deleteSessionsOf(accountId: string): Promise<number>;

  appendAudit(entry: AuditEntry): Promise<void>;
  /** The audit log, newest first. */
  listAudit(query: { limit: number; offset: number }): Promise<AuditEntry[]>;
}

/** A confirmed digest subscriber: posts made public after `digestSince` are their next digest's. */
export type DigestSubscriber = { id: string; email: string; digestSince: string };

/** What a subscribe request found: a new address, one still unconfirmed, or one already confirmed. */
export type SubscribeOutcome = 'created' | 'pending' | 'confirmed';

/** The changelog digest's subscribers and runs (part of `Store`). Emails are lower-cased by the caller. */
export interface SubscriberStore {
  /**
   * Records a pending subscription with the hash of its confirmation token, or renews the token of one
   * still pending; leaves a confirmed one alone.
   */
  subscribe(s: {
    id: string;
    siteId: string;
    email: string;
    confirmHash: string;
    at: string;
  }): Promise<SubscribeOutcome>;
  /** Confirms the pending subscription with this token hash, requested after `requestedAfter`; null if none. */
  confirmSubscriber(
    siteId: string,
    confirmHash: string,
    requestedAfter: string,
    now: string,
  ): Promise<DigestSubscriber | null>;
  /** Forgets subscriptions never confirmed that were asked for before `before`; answers how many. */
  forgetUnconfirmed(before: string): Promise<number>;
  /** Forgets a subscriber; false when there was none. */
  unsubscribe(siteId: string, id: string): Promise<boolean>;
  confirmedSubscribers(siteId: string): Promise<DigestSubscriber[]>;
  /** Moves a subscriber's digest cursor after their digest went out. */
  markDigestSent(id: string, at: string): Promise<void>;
  countSubscribers(siteId: string): Promise<{ pending: number; confirmed: number }>;
  /** When the site's digest last ran, or null. */
  lastDigestRun(siteId: string): Promise<string | null>;
  /** Records a digest run at `now` if the last one is still `previous`; false when another instance won. */
  claimDigestRun(siteId: string, previous: string | null, now: string): Promise<boolean>;
}

/** A site's saved segments (part of `Store`): named audiences that messages and phases refer to. */
export interface SegmentStore {
  /** Stores a new segment; false, storing nothing, when its site has a segment of that name. */
  createSegment(segment: Segment): Promise<boolean>;
  getSegment(id: string): Promise<Segment | null>;
  /** A site's segments, by name. */
  listSegments(siteId: string): Promise<Segment[]>;
  updateSegment(segment: Segment): Promise<void>;
  /** False when there was none. */
  deleteSegment(id: string): Promise<boolean>;
}

/**
 * Counts per key (an address, a site, an email) in fixed windows. The store decides where counts live:
 * in a shared table on PostgreSQL, so every instance sees one count; in memory on SQLite (see
 * `memoryRateCounts`). Every limit in Herald — public requests, new anonymous users, failed sign-ins —
 * counts through this one interface.
 */
export type RateCounts = {
  /** Adds `by` to `key`'s count in the window starting at `windowStart` (ms); answers the new count. */
  hit(key: string, windowStart: number, by: number): Promise<number>;
  /** `key`'s count in that window, without adding to it. */
  peek(key: string, windowStart: number): Promise<number>;
  /** Forgets every window of `key` (a successful sign-in clears its email's failures). */
  forget(key: string): Promise<void>;
  /** Drops windows that started before `before` (ms), so old counts do not pile up. */
  sweep(before: number): Promise<void>;
};

/**
 * Herald's storage. Async so that the same app runs on SQLite, PostgreSQL and Cloudflare D1.
 * Every method either completes or throws; nothing acknowledged is ever lost.
 */
export interface Store extends AccountStore, SubscriberStore, SegmentStore {
  /** Runs pending migrations; called on start. */
  migrate(): Promise<void>;
  /** A cheap round trip, for /healthz. */
  ping(): Promise<void>;
  /** Waits for the write queues to be flushed (every acknowledged write stored), then closes. */
  close(): Promise<void>;
  /** Items waiting in or being written by the group commits now: events, and the decide path's writes. */
  queued(): { events: number; userWrites: number };
  /** Counts for rate limits: shared by every instance on PostgreSQL, in memory on SQLite. */
  rateCounts: RateCounts;

  createSite(site: Site): Promise<void>;
  getSite(id: string): Promise<Site | null>;
  getSiteByPublicKey(publicKey: string): Promise<Site | null>;
  /** The site whose public changelog is at `/changelog/<slug>`. */
  getSiteByChangelogSlug(slug: string): Promise<Site | null>;
  listSites(): Promise<Site[]>;
  updateSite(site: Site): Promise<void>;

  createMessage(message: Message): Promise<void>;
  getMessage(id: string): Promise<Message | null>;
  listMessages(siteId: string): Promise<Message[]>;
  /** Live messages of a site: what decide evaluates. */
  liveMessages(siteId: string): Promise<Message[]>;
  /**
   * Writes a message read at `message.version` (compare-and-set). Answers the stored message, at the next
   * version; null, writing nothing, when another write came first (read it again and apply the change again).
   */
  updateMessage(message: Message): Promise<Message | null>;
  /** Deletes a message and its events; false when there was none. */
  deleteMessage(id: string): Promise<boolean>;

  createRelease(release: Release): Promise<void>;
  getRelease(id: string): Promise<Release | null>;
  listReleases(siteId: string): Promise<Release[]>;
  /**
   * Writes a release if it is still at `release.version` (compare-and-set), and queues `notices` in the
   * same transaction. Answers the stored release, at the next version; null, writing nothing, when
   * another write came first (read it again and decide again).
   */
  updateRelease(release: Release, notices?: NewNotice[]): Promise<Release | null>;

  /** The outbox's pending notices, in delivery order (per URL by creation, then `seq`). */
  pendingNotices(): Promise<Notice[]>;
  /** Takes a notice for one attempt until `until` unless another deliverer holds it; false then. */
  claimNotice(id: string, now: string, until: string): Promise<boolean>;
  /** Deletes a delivered notice, or schedules its retry (or gives it up). */
  settleNotice(id: string, outcome: NoticeOutcome): Promise<void>;

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

  /** Records releases reaching a user for the first time (report rows, and the sticky exposure in their state). */
  recordExposures(siteId: string, userKey: string, exposures: NewExposure[], at: string): Promise<void>;
  /**
   * Many users' traits and first exposures at once, one transaction for all (an import: the demo's
   * simulated pilot), written as `saveTraits` and `recordExposures` write them.
   */
  recordUsers(siteId: string, users: ImportedUser[]): Promise<void>;
  /** A release's reached users per phase or per trait, exposed vs holdout, with goal conversions after exposure. */
  reachCounts(
    releaseId: string,
    goal: string | null,
    by: { kind: 'phase' } | { kind: 'trait'; name: string },
  ): Promise<ReachRow[]>;
  /**
   * Event counts of some messages since a time, for a release's guardrails and gate: one answer per user
   * and message (the latest); with `verifiedOnly`, only events of users proved by an identity token.
   */
  releaseActivity(messageIds: string[], since: string, verifiedOnly?: boolean): Promise<ReleaseActivity>;

  /** A message's event counts per hour or day since a time (charts). */
  activity(messageId: string, bucket: 'hour' | 'day', since: string): Promise<ActivityRow[]>;
  /** Daily impressions per message of a site since a time (list sparklines). */
  dailyImpressions(
    siteId: string,
    since: string,
  ): Promise<{ messageId: string; day: string; count: number }[]>;
  /** Last-seen traits and recorded exposures of up to `limit` known users of a site (audience estimates). */
  knownUsers(siteId: string, limit: number): Promise<KnownUser[]>;
  /** Users (with a stored state) and events of a site whose user keys start with `prefix`: the demo's simulated users. */
  countUsersByPrefix(siteId: string, prefix: string): Promise<PrefixCounts>;
  /** Deletes the events, exposures and states of those users, in one transaction; answers how much there was. */
  deleteUsersByPrefix(siteId: string, prefix: string): Promise<PrefixCounts>;
  /** When a user known by any of `keys` last sent a goal or track event, or null. */
  lastGoalAt(siteId: string, keys: string[]): Promise<string | null>;
  /** Responses a user known by any of `keys` gave, newest first. */
  userResponses(
    siteId: string,
    keys: string[],
  ): Promise<{ messageId: string; value: number | null; text: string | null; at: string }[]>;
}
