import type { Kysely, Migration } from 'kysely';

/**
 * Release transitions become compare-and-set: `version` counts the writes of a release, and a write names
 * the version it read, so an operator's pause can no longer be overwritten by a check that read the release
 * earlier. The outbox keeps each webhook notice, written in the transition's own transaction, until a
 * deliverer has posted it: a notice survives a crash or restart between the transition and its delivery.
 */
export const releaseVersions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('releases')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('claimed_until', 'text')
      .addColumn('last_error', 'text')
      .execute();
    await db.schema
      .createIndex('outbox_status_order')
      .on('outbox')
      .columns(['status', 'created_at', 'seq'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('outbox').execute();
    await db.schema.alterTable('releases').dropColumn('version').execute();
  },
};
