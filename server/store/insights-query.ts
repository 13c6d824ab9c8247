import type { Kysely } from 'kysely';
import type { UserState } from '../schema/history.ts';
import { countsSince, type HourlyCount } from './hourly-query.ts';
import type { Tables } from './tables.ts';
import { parseUserState } from './user-states.ts';

/** Event counts per time bucket and type; `key` is the bucket's start as an ISO prefix (`2026-11-26T10` or `2026-11-26`). */
export type ActivityRow = { key: string; type: string; count: number };

/**
 * Counts a message's events per hour or day since `since`, from the hourly rollups (see `countsSince`):
 * a day is the sum of its hours. Keys are UTC ISO prefixes, as event times are stored.
 */
export async function activity(
  db: Kysely<Tables>,
  messageId: string,
  bucket: 'hour' | 'day',
  since: string,
): Promise<ActivityRow[]> {
  return sumByKey(await countsSince(db, { ids: [messageId] }, since), bucket === 'hour' ? 13 : 10, false);
}

/** Daily impressions of every message of a site since `since` (UTC days), for the list's sparklines. */
export async function dailyImpressions(
  db: Kysely<Tables>,
  siteId: string,
  since: string,
): Promise<{ messageId: string; day: string; count: number }[]> {
  const impressions = (await countsSince(db, { siteId }, since)).filter((c) => c.type === 'impression');
  return sumByKey(impressions, 10, true).map((r) => ({ messageId: r.messageId, day: r.key, count: r.count }));
}

/** Hourly counts summed per time key (the hour's first `width` characters), per type or per message. */
function sumByKey(counts: HourlyCount[], width: number, perMessage: boolean) {
  const sums = new Map<string, ActivityRow & { messageId: string }>();
  for (const c of counts) {
    const key = c.hour.slice(0, width);
    const id = `${perMessage ? c.messageId : ''}\u0000${key}\u0000${c.type}`;
    const row = sums.get(id) ?? { messageId: c.messageId, key, type: c.type, count: 0 };
    row.count += c.count;
    sums.set(id, row);
  }
  return [...sums.values()];
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

/**
 * When a user known by any of `keys` last sent a goal or track event (each user's latest time per goal,
 * `user_goals`), or null: those events leave the user's state as it was, so "last seen" reads them here.
 */
export async function lastGoalAt(db: Kysely<Tables>, siteId: string, keys: string[]): Promise<string | null> {
  if (keys.length === 0) return null;
  const row = await db
    .selectFrom('user_goals')
    .where('site_id', '=', siteId)
    .where('user_key', 'in', keys)
    .select((eb) => eb.fn.max('last_at').as('at'))
    .executeTakeFirst();
  return row?.at ?? null;
}
