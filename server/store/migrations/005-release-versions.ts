import type { Migration } from 'kysely';
import { schemaMigration } from './schema-change.ts';

/**
 * Release transitions become compare-and-set: `version` counts the writes of a release, and a write names
 * the version it read, so an operator's pause can no longer be overwritten by a check that read the release
 * earlier. The outbox keeps each webhook notice, written in the transition's own transaction, until a
 * deliverer has posted it: a notice survives a crash or restart between the transition and its delivery.
 */
export const releaseVersions: Migration = schemaMigration({
  addColumns: { releases: { version: 'integer not null default 0' } },
  tables: {
    outbox: {
      columns: {
        id: 'text primary key',
        url: 'text not null',
        payload: 'text not null',
        created_at: 'text not null',
        seq: 'integer not null',
        status: 'text not null',
        attempts: 'integer not null default 0',
        next_attempt_at: 'text not null',
        claimed_until: 'text',
        last_error: 'text',
      },
    },
  },
  indexes: { outbox_status_order: { on: 'outbox', columns: ['status', 'created_at', 'seq'] } },
});
