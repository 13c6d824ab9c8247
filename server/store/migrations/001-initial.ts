import type { Kysely, Migration } from 'kysely';

/**
 * The first schema. Written with Kysely's portable types only, so the same migration runs on
 * SQLite, D1 and PostgreSQL.
 */
export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('public_key', 'text', (c) => c.notNull().unique())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('doc', 'text', (c) => c.notNull())
      .execute();

    for (const table of ['messages', 'releases']) {
      await db.schema
        .createTable(table)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex(`${table}_site_status`).on(table).columns(['site_id', 'status']).execute();
    }

    await db.schema
      .createTable('user_states')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('user_key', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_states_pk', ['site_id', 'user_key'])
      .execute();

    // No foreign keys on events: one event naming an unknown message must not fail a whole group commit.
    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text')
      .addColumn('name', 'text')
      .addColumn('value', 'double precision')
      .addColumn('text', 'text')
      .addColumn('props', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('anonymous_id', 'text')
      .addColumn('user_key', 'text', (c) => c.notNull())
      .addColumn('phase', 'text')
      .addColumn('interrupting', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('events_message_type').on('events').columns(['message_id', 'type']).execute();
    await db.schema.createIndex('events_site_user').on('events').columns(['site_id', 'user_key']).execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['events', 'user_states', 'releases', 'messages', 'sites']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
