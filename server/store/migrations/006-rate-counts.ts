import type { Kysely, Migration } from 'kysely';

/**
 * Rate-limit counts shared by every instance on one database: a row per key and fixed window, bumped
 * with one atomic upsert. `bigint` because a window start is milliseconds since the epoch.
 */
export const rateCounts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rate_counts')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_counts_pk', ['key', 'window_start'])
      .execute();
    await db.schema.createIndex('rate_counts_window').on('rate_counts').column('window_start').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('rate_counts').execute();
  },
};
