import type { Migration } from 'kysely';
import { schemaMigration } from './schema-change.ts';

/**
 * Who each release reached, and when: the denominator of every release report (exposed vs holdout users,
 * goal conversion per phase). One row per user and release; the first exposure wins.
 */
export const exposures: Migration = schemaMigration({
  tables: {
    exposures: {
      columns: {
        release_id: 'text not null',
        user_key: 'text not null',
        site_id: 'text not null',
        phase: 'integer not null',
        holdout: 'integer not null',
        at: 'text not null',
      },
      primaryKey: ['release_id', 'user_key'],
    },
  },
  indexes: { events_site_type_name: { on: 'events', columns: ['site_id', 'type', 'name'] } },
});
