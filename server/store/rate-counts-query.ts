import { type Kysely, sql } from 'kysely';
import type { RateCounts } from './store.ts';
import type { Tables } from './tables.ts';

/**
 * Rate counts in the `rate_counts` table: one upsert per hit, atomic on PostgreSQL and SQLite alike, so
 * instances sharing the database share every limit.
 *
 * @example const counts = tableRateCounts(db); await counts.hit('addr:203.0.113.9', 1_764_000_000_000, 1)
 */
export function tableRateCounts(db: Kysely<Tables>): RateCounts {
  return {
    async hit(key, windowStart, by) {
      const row = await db
        .insertInto('rate_counts')
        .values({ key, window_start: windowStart, count: by })
        .onConflict((oc) =>
          oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`rate_counts.count + excluded.count` }),
        )
        .returning('count')
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async peek(key, windowStart) {
      const row = await db
        .selectFrom('rate_counts')
        .select('count')
        .where('key', '=', key)
        .where('window_start', '=', windowStart)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
    async forget(key) {
      await db.deleteFrom('rate_counts').where('key', '=', key).execute();
    },
    async sweep(before) {
      await db.deleteFrom('rate_counts').where('window_start', '<', before).execute();
    },
  };
}
