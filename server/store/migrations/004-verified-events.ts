import type { Migration } from 'kysely';
import { schemaMigration } from './schema-change.ts';

/**
 * Whether an event's receipt was issued to a user proved by an identity token, so that a release page can
 * show how much of a gate's feedback is verified and a release can count only that. Events stored before
 * receipts existed are unverified.
 */
export const verifiedEvents: Migration = schemaMigration({
  addColumns: { events: { verified: 'integer not null default 0' } },
});
