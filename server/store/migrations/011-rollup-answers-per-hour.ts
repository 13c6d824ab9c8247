import type { Kysely, Migration } from 'kysely';
import { rebuildRollups } from '../rollups-rebuild.ts';
import type { Tables } from '../tables.ts';
import { schemaMigration } from './schema-change.ts';

/**
 * Every response event per message and hour (`answers`, beside `responses`, which counts each user's
 * latest only), so the activity chart reads rollups too, and an index to read a site's rollups by hour
 * (the message list's daily impressions). Then every stored event is rolled up again with the code of
 * today, grouped by the traits users have now: this backfill runs through `rollups.ts`, so it belongs in
 * the last migration that changes the rollup tables (move it when adding one).
 */
export const rollupAnswersPerHour: Migration = schemaMigration(
  {
    addColumns: { rollup_counts: { answers: 'integer not null default 0' } },
    indexes: { rollup_counts_site: { on: 'rollup_counts', columns: ['site_id', 'grp', 'bucket'] } },
  },
  (db) => rebuildRollups(db as Kysely<Tables>, null, { lockStateRows: false }),
);
