import type { Kysely, Migration } from 'kysely';

/**
 * Saved segments: named audiences of a site that messages and release phases refer to (`{ "$segment": id }`).
 * The document holds the whole `Segment`; `name` is a column so that a site's names stay unique. Portable
 * types only (SQLite, PostgreSQL and D1 run the same migration).
 */
export const segments: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('segments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('doc', 'text', (c) => c.notNull())
      .addUniqueConstraint('segments_site_name', ['site_id', 'name'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('segments').execute();
  },
};
