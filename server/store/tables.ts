/**
 * The tables as Kysely sees them. Documents are kept whole as JSON text (`doc`, `state`) so a schema change
 * needs no migration; the columns beside them exist only to be filtered, indexed or counted.
 * Types are portable: text ids and ISO timestamps, integers, double precision, JSON as text.
 */
export interface Tables {
  sites: SitesTable;
  messages: MessagesTable;
  releases: ReleasesTable;
  user_states: UserStatesTable;
  events: EventsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  exposures: ExposuresTable;
  outbox: OutboxTable;
  subscribers: SubscribersTable;
  digest_runs: DigestRunsTable;
  rate_counts: RateCountsTable;
  rollup_counts: RollupCountsTable;
  rollup_values: RollupValuesTable;
  rollup_users: RollupUsersTable;
  user_goals: UserGoalsTable;
  segments: SegmentsTable;
}

export interface SitesTable {
  id: string;
  public_key: string;
  updated_at: string;
  /** The site's `changelogSlug`, to find it by its public changelog's URL (migration 007). */
  changelog_slug: string | null;
  /** The whole `Site` as JSON. */
  doc: string;
}

/** Messages and releases: a site's documents with a lifecycle status. */
export interface DocTable {
  id: string;
  site_id: string;
  status: string;
  updated_at: string;
  /** The whole `Message` or `Release` as JSON. */
  doc: string;
}

/** A saved segment (migration 013): its name is unique per site. */
export interface SegmentsTable {
  id: string;
  site_id: string;
  name: string;
  updated_at: string;
  /** The whole `Segment` as JSON. */
  doc: string;
}

/** A message row: its version counts its writes, for compare-and-set (see migration 014). */
export interface MessagesTable extends DocTable {
  version: number;
}

/** A release row: its version counts its writes, for compare-and-set (see migration 005). */
export interface ReleasesTable extends DocTable {
  version: number;
}

export interface UserStatesTable {
  site_id: string;
  user_key: string;
  /** The whole `UserState` as JSON. */
  state: string;
}

export interface EventsTable {
  id: string;
  site_id: string;
  type: string;
  message_id: string | null;
  name: string | null;
  value: number | null;
  text: string | null;
  /** JSON object or null. */
  props: string | null;
  /** UTC ISO timestamp, so text order is time order. */
  at: string;
  received_at: string;
  user_id: string | null;
  anonymous_id: string | null;
  user_key: string;
  phase: string | null;
  /** 1 when the message interrupts the user, so user states can be rebuilt from the log. */
  interrupting: number;
  /** 1 when the event's receipt names a user proved by an identity token (migration 004). */
  verified: number;
}

export interface AccountsTable {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  role: string;
  /** 1 when disabled. */
  disabled: number;
  /** `scrypt$N$r$p$salt$hash`, as the password hasher wrote it. */
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session token (hex); the token itself is only in the browser's cookie. */
  token_hash: string;
  account_id: string;
  csrf_token: string;
  /** UTC ISO timestamp, so text comparison is time comparison. */
  expires_at: string;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  /** JSON object. */
  detail: string;
}

/** One user reached by one release (see migration 003). `holdout` is 0 or 1. */
export interface ExposuresTable {
  release_id: string;
  user_key: string;
  site_id: string;
  phase: number;
  holdout: number;
  at: string;
  /** The user's traits when the release reached them, as a JSON object (see migration 015). */
  traits: string | null;
}

/** One webhook notice waiting to be posted (see migration 005). Delivered notices are deleted. */
export interface OutboxTable {
  id: string;
  url: string;
  /** The JSON body to post. */
  payload: string;
  /** UTC ISO timestamp: notices to one URL go out in (created_at, seq) order. */
  created_at: string;
  /** Orders notices written in the same millisecond (a release's version). */
  seq: number;
  /** `pending`, or `failed` once every retry was spent. */
  status: string;
  attempts: number;
  next_attempt_at: string;
  /** While a deliverer is posting it, no other takes it; a crashed one's claim runs out. */
  claimed_until: string | null;
  last_error: string | null;
}

/** One email address subscribed to a site's changelog digest (migration 007). */
export interface SubscribersTable {
  id: string;
  site_id: string;
  /** Lower-cased; unique per site. */
  email: string;
  /** `pending` until the address confirms through the mailed link, then `confirmed`. */
  status: string;
  /** SHA-256 (hex) of the confirmation token while pending; null once confirmed. */
  confirm_hash: string | null;
  created_at: string;
  confirmed_at: string | null;
  /** Posts made public after this time go into the subscriber's next digest. */
  digest_since: string | null;
}

/** When a site's digest last ran; claimed with a conditional write so one instance sends it. */
export interface DigestRunsTable {
  site_id: string;
  ran_at: string;
}

/** One key's count in one fixed window (migration 006); `window_start` is in ms since the epoch. */
export interface RateCountsTable {
  key: string;
  window_start: number;
  count: number;
}

/** A message's counts in one group (see `core/rollup-groups.ts`) and UTC hour (`2026-11-26T10`); migration 008. */
export interface RollupCountsTable {
  message_id: string;
  grp: string;
  bucket: string;
  site_id: string;
  impressions: number;
  /** Users whose first impression (in this group) fell in this hour; the sum over hours is distinct users. */
  viewers: number;
  clicks: number;
  clickers: number;
  dismissals: number;
  dismissers: number;
  /** Users whose latest answer fell in this hour: an answer moves when a later one supersedes it. */
  responses: number;
  verified_impressions: number;
  verified_dismissals: number;
  /** Every response event (migration 011), where `responses` counts each user's latest answer only. */
  answers: number;
}

/** How many users' latest answers to a message, in one group, have this value. */
export interface RollupValuesTable {
  message_id: string;
  grp: string;
  value: number;
  site_id: string;
  n: number;
}

/**
 * Per message and user (migration 009): the groups they were counted in as a viewer, clicker and dismisser,
 * and their latest answer (by time, then id) with the groups and hour it is counted in. Answer columns are
 * null until they answer.
 */
export interface RollupUsersTable {
  message_id: string;
  user_key: string;
  site_id: string;
  /** JSON `{ "v": [groups], "c": [groups], "d": [groups] }`. */
  seen: string;
  answer_at: string | null;
  answer_id: string | null;
  answer_value: number | null;
  answer_verified: number;
  answer_bucket: string | null;
  /** JSON array of group names. */
  answer_grps: string | null;
}

/** The time of a user's latest `goal` or `track` event of a name: a release's goal conversions. */
export interface UserGoalsTable {
  site_id: string;
  user_key: string;
  name: string;
  last_at: string;
}
