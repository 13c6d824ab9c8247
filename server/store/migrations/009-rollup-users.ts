import type { Kysely, Migration } from 'kysely';

/**
 * One rollup row per message and user (the groups they were counted in as viewer, clicker, dismisser, and
 * their latest answer) instead of a row per group and kind plus an answers table: a repeated impression then
 * costs a read, not an insert per group. Events stored before are rolled up by 011.
 */
export const rollupUsers: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropTable('rollup_firsts').execute();
    await db.schema.dropTable('rollup_answers').execute();
    await db.schema
      .createTable('rollup_users')
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('user_key', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('seen', 'text', (c) => c.notNull())
      .addColumn('answer_at', 'text')
      .addColumn('answer_id', 'text')
      .addColumn('answer_value', 'double precision')
      .addColumn('answer_verified', 'integer', (c) => c.notNull())
      .addColumn('answer_bucket', 'text')
      .addColumn('answer_grps', 'text')
      .addPrimaryKeyConstraint('rollup_users_pk', ['message_id', 'user_key'])
      .execute();
    await db.schema
      .createIndex('rollup_users_answer_at')
      .on('rollup_users')
      .columns(['message_id', 'answer_at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('rollup_users').execute();
  },
};
