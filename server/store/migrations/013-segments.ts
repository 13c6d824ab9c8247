import type { Migration } from 'kysely';
import { schemaMigration } from './schema-change.ts';

/**
 * Saved segments: named audiences of a site that messages and release phases refer to (`{ "$segment": id }`).
 * The document holds the whole `Segment`; `name` is a column so that a site's names stay unique. Portable
 * types only (SQLite, PostgreSQL and D1 run the same migration).
 */
export const segments: Migration = schemaMigration({
  tables: {
    segments: {
      columns: {
        id: 'text primary key',
        site_id: 'text not null references sites.id on delete cascade',
        name: 'text not null',
        updated_at: 'text not null',
        doc: 'text not null',
      },
      unique: { segments_site_name: ['site_id', 'name'] },
    },
  },
});
