import { type Kysely, sql } from 'kysely';
import { eventGroups, hourOf } from '../core/rollup-groups.ts';
import type { UserState } from '../schema/history.ts';
import { insertRows } from './many-rows.ts';
import { RollupTally } from './rollup-tally.ts';
import { storeUsers } from './rollup-users.ts';
import type { StoredEvent } from './store.ts';
import type { Tables } from './tables.ts';
import { stateRows, type UserStateOptions } from './user-states.ts';

/** What the rollups read of an event (a stored event, or an events row being rolled up again). */
export type RollupEvent = Pick<
  StoredEvent,
  'id' | 'siteId' | 'type' | 'messageId' | 'name' | 'value' | 'at' | 'userKey' | 'phase' | 'verified'
>;

/** An event counted for its message, with the groups it counts in and its hour. */
export type GroupedEvent = RollupEvent & { messageId: string; groups: string[]; bucket: string };

const COUNTED = new Set(['impression', 'click', 'dismiss', 'response']);

/**
 * Folds newly stored events into the rollups, inside the transaction that stored them, so a result read
 * at any moment agrees with the events committed: counts per message, group and hour; per message and
 * user, the groups they were counted in and their latest answer (see `rollup-users.ts`), so distinct users
 * and "one answer per user" stay exact; and each user's latest goal event. Events must be new (not stored before): callers pass what they inserted.
 *
 * @example await db.transaction().execute(async (trx) => { …insert…; await storeRollups(trx, fresh, options) })
 */
export async function storeRollups(
  trx: Kysely<Tables>,
  events: RollupEvent[],
  options: UserStateOptions,
): Promise<void> {
  await storeGoals(trx, events, options);
  const counted = events.filter(
    (e): e is RollupEvent & { messageId: string } => typeof e.messageId === 'string' && COUNTED.has(e.type),
  );
  if (counted.length === 0) return;
  const traits = await traitsOf(trx, counted, options);
  const grouped: GroupedEvent[] = counted
    .map((e) => ({
      ...e,
      groups: eventGroups(e.phase, traits.get(userId(e.siteId, e.userKey)) ?? {}),
      bucket: hourOf(e.at),
    }))
    // Earliest first: a user's first view in a batch is counted in the hour it happened.
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const tally = new RollupTally();
  for (const e of grouped) tally.countEvent(e);
  await storeUsers(trx, grouped, tally, options);
  await tally.write(trx, options);
}

/** Moves each user's latest goal time per name forward (a release's goal counts from exposure on). */
async function storeGoals(
  trx: Kysely<Tables>,
  events: RollupEvent[],
  options: UserStateOptions,
): Promise<void> {
  const latest = new Map<string, Tables['user_goals']>();
  for (const e of events) {
    if ((e.type !== 'goal' && e.type !== 'track') || typeof e.name !== 'string') continue;
    const at = new Date(e.at).toISOString();
    const key = `${e.siteId}\u0000${e.userKey}\u0000${e.name}`;
    const known = latest.get(key);
    if (known === undefined || known.last_at < at) {
      latest.set(key, { site_id: e.siteId, user_key: e.userKey, name: e.name, last_at: at });
    }
  }
  const rows = [...latest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  for (const insert of insertRows(trx, 'user_goals', rows, options.manyRows)) {
    await insert
      .onConflict((oc) =>
        oc.columns(['site_id', 'user_key', 'name']).doUpdateSet({
          last_at: sql`case when excluded.last_at > user_goals.last_at then excluded.last_at else user_goals.last_at end`,
        }),
      )
      .execute();
  }
}

const userId = (siteId: string, userKey: string) => `${siteId}\u0000${userKey}`;

/** The traits each user of these events has now (when their events are stored), by site and user key. */
async function traitsOf(
  trx: Kysely<Tables>,
  events: RollupEvent[],
  options: UserStateOptions,
): Promise<Map<string, Record<string, unknown>>> {
  const bySite = new Map<string, Set<string>>();
  for (const e of events) bySite.set(e.siteId, (bySite.get(e.siteId) ?? new Set()).add(e.userKey));
  const traits = new Map<string, Record<string, unknown>>();
  for (const [siteId, keys] of bySite) {
    for (const r of await stateRows(trx, siteId, [...keys], false, options.manyRows)) {
      traits.set(userId(siteId, r.user_key), (JSON.parse(r.state) as UserState).traits ?? {});
    }
  }
  return traits;
}
