import { type Kysely, sql } from 'kysely';
import type { UserState } from '../schema/history.ts';
import type { Tables } from './tables.ts';
import { parseUserState } from './user-states.ts';

/** Event counts per time bucket and type; `key` is the bucket's start as an ISO prefix (`2026-11-26T10` or `2026-11-26`). */
export type ActivityRow = { key: string; type: string; count: number };

/**
 * Counts a message's events per hour or day since `since`. Event times are stored as UTC ISO text, so a
 * bucket is a prefix of it: portable across SQLite and PostgreSQL, and served by the (message_id, type) index.
 */
export async function activity(
  db: Kysely<Tables>,
  messageId: string,
  bucket: 'hour' | 'day',
  since: string,
): Promise<ActivityRow[]> {
  const width = bucket === 'hour' ? 13 : 10;
  const key = sql<string>`substr(at, 1, ${sql.lit(width)})`;
  const rows = await db
    .selectFrom('events')
    .where('message_id', '=', messageId)
    .where('at', '>=', since)
    .select([key.as('key'), 'type', sql<number>`count(*)`.as('count')])
    .groupBy([key, 'type'])
    .execute();
  return rows.map((r) => ({ key: r.key, type: r.type, count: Number(r.count) }));
}

/** Daily impressions of every message of a site since `since` (UTC days), for the list's sparklines. */
export async function dailyImpressions(
  db: Kysely<Tables>,
  siteId: string,
  since: string,
): Promise<{ messageId: string; day: string; count: number }[]> {
  const day = sql<string>`substr(at, 1, 10)`;
  const rows = await db
    .selectFrom('events')
    .where('site_id', '=', siteId)
    .where('type', '=', 'impression')
    .where('at', '>=', since)
    .select(['message_id', day.as('day'), sql<number>`count(*)`.as('count')])
    .groupBy(['message_id', day])
    .execute();
  return rows.flatMap((r) =>
    r.message_id === null ? [] : [{ messageId: r.message_id, day: r.day, count: Number(r.count) }],
  );
}

/** A known user as estimates read them. */
export type KnownUser = Pick<UserState, 'traits'> & {
  key: string;
  exposures: NonNullable<UserState['exposures']>;
};

/** The last-seen traits and recorded exposures of up to `limit` users of a site, for audience estimates. */
export async function knownUsers(db: Kysely<Tables>, siteId: string, limit: number): Promise<KnownUser[]> {
  const rows = await db
    .selectFrom('user_states')
    .where('site_id', '=', siteId)
    .select(['user_key', 'state'])
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const state = parseUserState(r.state);
    return { key: r.user_key, traits: state.traits, exposures: state.exposures ?? {} };
  });
}

/** Every response a user (known by any of `keys`) gave on a site, newest first. */
export async function userResponses(
  db: Kysely<Tables>,
  siteId: string,
  keys: string[],
): Promise<{ messageId: string; value: number | null; text: string | null; at: string }[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('events')
    .where('site_id', '=', siteId)
    .where('user_key', 'in', keys)
    .where('type', '=', 'response')
    .select(['message_id', 'value', 'text', 'at'])
    .orderBy('at', 'desc')
    .limit(1000)
    .execute();
  return rows.flatMap((r) =>
    r.message_id === null ? [] : [{ messageId: r.message_id, value: r.value, text: r.text, at: r.at }],
  );
}
