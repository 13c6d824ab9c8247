import type { Migration } from 'kysely';
import { schemaMigration } from './schema-change.ts';

/**
 * Rate-limit counts shared by every instance on one database: a row per key and fixed window, bumped
 * with one atomic upsert. `bigint` because a window start is milliseconds since the epoch.
 */
export const rateCounts: Migration = schemaMigration({
  tables: {
    rate_counts: {
      columns: { key: 'text not null', window_start: 'bigint not null', count: 'integer not null' },
      primaryKey: ['key', 'window_start'],
    },
  },
  indexes: { rate_counts_window: { on: 'rate_counts', columns: ['window_start'] } },
});
