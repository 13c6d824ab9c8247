import type { Kysely, Migration } from 'kysely';
import { rebuildRollups } from '../rollups-rebuild.ts';
import type { Tables } from '../tables.ts';

/**
 * Every response event per message and hour (`answers`, beside `responses`, which counts each user's
 * latest only), so the activity chart reads rollups too, and an index to read a site's rollups by hour
 * (the message list's daily impressions). Then every stored event is rolled up again with the code of
 * today, grouped by the traits users have now: this backfill runs through `rollups.ts`, so it belongs in
 * the last migration that changes the rollup tables (move it when adding one).
 */
export const rollupAnswersPerHour: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('rollup_counts')
      .addColumn('answers', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('rollup_counts_site')
      .on('rollup_counts')
      .columns(['site_id', 'grp', 'bucket'])
      .execute();
    await rebuildRollups(db as Kysely<Tables>, null, { lockStateRows: false });
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('rollup_counts_site').execute();
    await db.schema.alterTable('rollup_counts').dropColumn('answers').execute();
  },
};
