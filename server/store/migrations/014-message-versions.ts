import type { Kysely, Migration } from 'kysely';

/**
 * Message writes become compare-and-set, like releases' (005): `version` counts the writes of a message and
 * a write names the version it read, so an editor's save can no longer silently undo a publish or pause
 * that came in between, and two editors cannot overwrite each other unseen.
 */
export const messageVersions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('messages')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('messages').dropColumn('version').execute();
  },
};
