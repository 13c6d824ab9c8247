import type { Migration } from 'kysely';
import { applySchema, revertSchema, type SchemaChange } from './schema-change.ts';

const rollupUsersTable: SchemaChange = {
  tables: {
    rollup_users: {
      columns: {
        message_id: 'text not null',
        user_key: 'text not null',
        site_id: 'text not null',
        seen: 'text not null',
        answer_at: 'text',
        answer_id: 'text',
        answer_value: 'double precision',
        answer_verified: 'integer not null',
        answer_bucket: 'text',
        answer_grps: 'text',
      },
      primaryKey: ['message_id', 'user_key'],
    },
  },
  indexes: { rollup_users_answer_at: { on: 'rollup_users', columns: ['message_id', 'answer_at'] } },
};

/**
 * One rollup row per message and user (the groups they were counted in as viewer, clicker, dismisser, and
 * their latest answer) instead of a row per group and kind plus an answers table: a repeated impression then
 * costs a read, not an insert per group. Events stored before are rolled up by 011.
 */
export const rollupUsers: Migration = {
  async up(db) {
    // `down` has never brought these back (their rows are gone either way).
    await db.schema.dropTable('rollup_firsts').execute();
    await db.schema.dropTable('rollup_answers').execute();
    await applySchema(db, rollupUsersTable);
  },
  down: (db) => revertSchema(db, rollupUsersTable),
};
