import type { Kysely } from 'kysely';
import { emptyUserState } from '../core/history.ts';
import type { UserState } from '../schema/history.ts';
import { type EventWriterOptions, readStates } from './event-writer.ts';
import type { Tables } from './tables.ts';

export type SaveTraits = { siteId: string; userKey: string; traits: Record<string, unknown>; at: string };

/**
 * Replaces the traits a user was last seen with, and moves `lastSeenAt` to `at` when later, inside the
 * caller's transaction (the decide writes' group commit). Skips the write when the traits are unchanged, so a
 * busy decide endpoint does not write on every call. Read and write share the transaction so a concurrent
 * event flush cannot lose either change.
 */
export async function writeTraits(
  trx: Kysely<Tables>,
  options: EventWriterOptions,
  input: SaveTraits,
): Promise<void> {
  const known = (await readStates(trx, input.siteId, [input.userKey], options)).get(input.userKey);
  const before = known ?? emptyUserState();
  if (known !== undefined && JSON.stringify(before.traits) === JSON.stringify(input.traits)) return;
  const state = JSON.stringify(withTraits(before, input.traits, input.at));
  await trx
    .insertInto('user_states')
    .values({ site_id: input.siteId, user_key: input.userKey, state })
    .onConflict((oc) => oc.columns(['site_id', 'user_key']).doUpdateSet({ state }))
    .execute();
}

/** The state with these traits, last seen at `at` unless it was seen later already. */
export function withTraits(state: UserState, traits: Record<string, unknown>, at: string): UserState {
  const lastSeenAt =
    state.lastSeenAt !== null && Date.parse(state.lastSeenAt) >= Date.parse(at) ? state.lastSeenAt : at;
  return { ...state, traits, lastSeenAt };
}
