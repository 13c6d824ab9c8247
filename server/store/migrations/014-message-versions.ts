import type { Migration } from 'kysely';
import { schemaMigration } from './schema-change.ts';

/**
 * Message writes become compare-and-set, like releases' (005): `version` counts the writes of a message and
 * a write names the version it read, so an editor's save can no longer silently undo a publish or pause
 * that came in between, and two editors cannot overwrite each other unseen.
 */
export const messageVersions: Migration = schemaMigration({
  addColumns: { messages: { version: 'integer not null default 0' } },
});
