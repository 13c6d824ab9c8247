import type { Migration } from 'kysely';
import { schemaMigration } from './schema-change.ts';

/**
 * A version number per scope, bumped on every change to what decide serves: how a Worker isolate, with no
 * LISTEN/NOTIFY to hear, finds out with one cheap read that its cached sites are stale (`server/edge`).
 */
export const liveVersions: Migration = schemaMigration({
  tables: { live_versions: { columns: { scope: 'text primary key', version: 'integer not null' } } },
});
