import type { Kysely } from 'kysely';
import { emptyUserState } from '../core/history.ts';
import { chunks, type EventWriterOptions, readStates, writeStates } from './event-writer.ts';
import { exposureRows, withExposures } from './exposures-query.ts';
import type { ImportedUser } from './store.ts';
import type { Tables } from './tables.ts';
import { withTraits } from './traits.ts';

/**
 * `Store.recordUsers` inside a transaction the caller holds: the state changes of `saveTraits` and
 * `recordExposures` for many users, in a few statements per 500 users instead of several per user (on
 * PostgreSQL each is a round trip), with the state rows locked in order like the event writer does.
 */
export async function importUsers(
  trx: Kysely<Tables>,
  options: EventWriterOptions,
  siteId: string,
  users: ImportedUser[],
): Promise<void> {
  const rows = users.flatMap((u) => exposureRows(siteId, u.key, u.exposures, u.at));
  for (const chunk of chunks(rows)) {
    await trx
      .insertInto('exposures')
      .values(chunk)
      .onConflict((oc) => oc.columns(['release_id', 'user_key']).doNothing())
      .execute();
  }
  const states = await readStates(
    trx,
    siteId,
    users.map((u) => u.key),
    options,
  );
  const updated = users.map((u) => {
    const before = states.get(u.key) ?? emptyUserState();
    const state = withExposures(withTraits(before, u.traits, u.at), u.exposures, u.at);
    return { site_id: siteId, user_key: u.key, state: JSON.stringify(state) };
  });
  await writeStates(trx, updated);
}
