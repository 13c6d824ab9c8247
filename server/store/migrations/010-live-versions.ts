import type { Kysely, Migration } from 'kysely';

/**
 * A version number per scope, bumped on every change to what decide serves: how a Worker isolate, with no
 * LISTEN/NOTIFY to hear, finds out with one cheap read that its cached sites are stale (`server/edge`).
 */
export const liveVersions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('live_versions')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('live_versions').execute();
  },
};
