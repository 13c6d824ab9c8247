import type { Kysely, Migration } from 'kysely';

/**
 * Rollups, so that results and release reports never scan raw events (see `rollups.ts`): counts per
 * message, group and hour; answer values per message and group; the first view, click and dismissal of
 * each user per message and group (so distinct users stay exact); each user's latest answer per message;
 * each user's latest goal event per name. The (message, type) index gains `at`, for the part of an hour a
 * since-time cuts. Migration 009 replaced the per-group first rows and the answers with one row per
 * message and user, and rolls up the events stored before.
 */
export const rollups: Migration = {
  async up(db: Kysely<unknown>) {
    const counter = (name: string) => (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
      t.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0));
    let counts = db.schema
      .createTable('rollup_counts')
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('grp', 'text', (c) => c.notNull())
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull());
    // Written out, not imported: a later migration adds counters of its own (011).
    const counters = [
      'impressions',
      'viewers',
      'clicks',
      'clickers',
      'dismissals',
      'dismissers',
      'responses',
    ];
    for (const name of [...counters, 'verified_impressions', 'verified_dismissals']) {
      counts = counter(name)(counts);
    }
    await counts.addPrimaryKeyConstraint('rollup_counts_pk', ['message_id', 'grp', 'bucket']).execute();

    await db.schema
      .createTable('rollup_values')
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('grp', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rollup_values_pk', ['message_id', 'grp', 'value'])
      .execute();

    await db.schema
      .createTable('rollup_firsts')
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('grp', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('user_key', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('rollup_firsts_pk', ['message_id', 'grp', 'kind', 'user_key'])
      .execute();

    await db.schema
      .createTable('rollup_answers')
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('user_key', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('verified', 'integer', (c) => c.notNull())
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('grps', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('rollup_answers_pk', ['message_id', 'user_key'])
      .execute();
    await db.schema
      .createIndex('rollup_answers_at')
      .on('rollup_answers')
      .columns(['message_id', 'at'])
      .execute();

    await db.schema
      .createTable('user_goals')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('user_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_goals_pk', ['site_id', 'user_key', 'name'])
      .execute();

    await db.schema.dropIndex('events_message_type').execute();
    await db.schema
      .createIndex('events_message_type_at')
      .on('events')
      .columns(['message_id', 'type', 'at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('events_message_type_at').execute();
    await db.schema.createIndex('events_message_type').on('events').columns(['message_id', 'type']).execute();
    for (const table of ['user_goals', 'rollup_answers', 'rollup_firsts', 'rollup_values', 'rollup_counts']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
