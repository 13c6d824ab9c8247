import type { Kysely } from 'kysely';
import { emptyUserState } from '../core/history.ts';
import { type EventWriterOptions, readStates } from './event-writer.ts';
import type { Tables } from './tables.ts';

export type SaveTraits = { siteId: string; userKey: string; traits: Record<string, unknown>; at: string };

/**
 * Replaces the traits a user was last seen with, and moves `lastSeenAt` to `at` when later. Skips the write
 * when the traits are unchanged, so a busy decide endpoint does not write on every call. Read and write share
 * a transaction so a concurrent event flush cannot lose either change.
 */
export async function saveTraits(
  db: Kysely<Tables>,
  options: EventWriterOptions,
  input: SaveTraits,
): Promise<void> {
  await db.transaction().execute((trx) => writeTraits(trx, options, input));
}

/** `saveTraits` inside a transaction the caller holds. */
export async function writeTraits(
  trx: Kysely<Tables>,
  options: EventWriterOptions,
  input: SaveTraits,
): Promise<void> {
  const known = (await readStates(trx, input.siteId, [input.userKey], options)).get(input.userKey);
  const before = known ?? emptyUserState();
  if (known !== undefined && JSON.stringify(before.traits) === JSON.stringify(input.traits)) return;
  const lastSeenAt =
    before.lastSeenAt !== null && Date.parse(before.lastSeenAt) >= Date.parse(input.at)
      ? before.lastSeenAt
      : input.at;
  const state = JSON.stringify({ ...before, traits: input.traits, lastSeenAt });
  await trx
    .insertInto('user_states')
    .values({ site_id: input.siteId, user_key: input.userKey, state })
    .onConflict((oc) => oc.columns(['site_id', 'user_key']).doUpdateSet({ state }))
    .execute();
}
