import type { Kysely, Migration } from 'kysely';

/**
 * Whether an event's receipt was issued to a user proved by an identity token, so that a release page can
 * show how much of a gate's feedback is verified and a release can count only that. Events stored before
 * receipts existed are unverified.
 */
export const verifiedEvents: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('events')
      .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('events').dropColumn('verified').execute();
  },
};
