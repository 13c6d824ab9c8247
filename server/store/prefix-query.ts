import { type Kysely, sql } from 'kysely';
import { rebuildRollups } from './rollups-rebuild.ts';
import type { Tables } from './tables.ts';

/** How much a site holds of the users whose keys start with a prefix. */
export type PrefixCounts = { users: number; events: number };

/** Keys starting with `prefix`: `substr` rather than `like`, where `_` and `%` in a key would be wildcards. */
const startsWith = (prefix: string) => sql<boolean>`substr(user_key, 1, ${prefix.length}) = ${prefix}`;

/** Counts the users (with a stored state) and events of a site whose user keys start with `prefix`. */
export async function countByPrefix(
  db: Kysely<Tables>,
  siteId: string,
  prefix: string,
): Promise<PrefixCounts> {
  const count = async (table: 'user_states' | 'events') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('site_id', '=', siteId)
      .where(startsWith(prefix))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return { users: await count('user_states'), events: await count('events') };
}

/**
 * Deletes everything a site holds about the users whose keys start with `prefix` — their events,
 * exposures and state — in one transaction, and recomputes the site's rollups without them; answers how much there was.
 */
export async function deleteByPrefix(
  db: Kysely<Tables>,
  siteId: string,
  prefix: string,
  options: { lockStateRows: boolean },
): Promise<PrefixCounts> {
  return db.transaction().execute(async (trx) => {
    const events = await trx
      .deleteFrom('events')
      .where('site_id', '=', siteId)
      .where(startsWith(prefix))
      .executeTakeFirst();
    await trx.deleteFrom('exposures').where('site_id', '=', siteId).where(startsWith(prefix)).execute();
    const users = await trx
      .deleteFrom('user_states')
      .where('site_id', '=', siteId)
      .where(startsWith(prefix))
      .executeTakeFirst();
    // Their events are gone from every count: the site's rollups are computed again from what is left.
    if (Number(events.numDeletedRows) > 0) await rebuildRollups(trx, siteId, options);
    return { users: Number(users.numDeletedRows), events: Number(events.numDeletedRows) };
  });
}
