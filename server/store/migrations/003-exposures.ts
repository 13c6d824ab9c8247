import type { Kysely, Migration } from 'kysely';

/**
 * Who each release reached, and when: the denominator of every release report (exposed vs holdout users,
 * goal conversion per phase). One row per user and release; the first exposure wins.
 */
export const exposures: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('exposures')
      .addColumn('release_id', 'text', (c) => c.notNull())
      .addColumn('user_key', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('phase', 'integer', (c) => c.notNull())
      .addColumn('holdout', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('exposures_pk', ['release_id', 'user_key'])
      .execute();
    await db.schema
      .createIndex('events_site_type_name')
      .on('events')
      .columns(['site_id', 'type', 'name'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('events_site_type_name').execute();
    await db.schema.dropTable('exposures').execute();
  },
};
