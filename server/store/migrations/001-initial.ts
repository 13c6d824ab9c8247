import type { Migration } from 'kysely';
import { schemaMigration, type TableSpec } from './schema-change.ts';

/** Messages and releases: documents of a site, listed by status. */
const siteDocuments: TableSpec = {
  columns: {
    id: 'text primary key',
    site_id: 'text not null references sites.id on delete cascade',
    status: 'text not null',
    updated_at: 'text not null',
    doc: 'text not null',
  },
};

/**
 * The first schema. Written with Kysely's portable types only, so the same migration runs on
 * SQLite, D1 and PostgreSQL.
 */
export const initial: Migration = schemaMigration({
  tables: {
    sites: {
      columns: {
        id: 'text primary key',
        public_key: 'text not null unique',
        updated_at: 'text not null',
        doc: 'text not null',
      },
    },
    messages: siteDocuments,
    releases: siteDocuments,
    user_states: {
      columns: { site_id: 'text not null', user_key: 'text not null', state: 'text not null' },
      primaryKey: ['site_id', 'user_key'],
    },
    // No foreign keys on events: one event naming an unknown message must not fail a whole group commit.
    events: {
      columns: {
        id: 'text primary key',
        site_id: 'text not null',
        type: 'text not null',
        message_id: 'text',
        name: 'text',
        value: 'double precision',
        text: 'text',
        props: 'text',
        at: 'text not null',
        received_at: 'text not null',
        user_id: 'text',
        anonymous_id: 'text',
        user_key: 'text not null',
        phase: 'text',
        interrupting: 'integer not null default 0',
      },
    },
  },
  indexes: {
    messages_site_status: { on: 'messages', columns: ['site_id', 'status'] },
    releases_site_status: { on: 'releases', columns: ['site_id', 'status'] },
    events_message_type: { on: 'events', columns: ['message_id', 'type'] },
    events_site_user: { on: 'events', columns: ['site_id', 'user_key'] },
  },
});
