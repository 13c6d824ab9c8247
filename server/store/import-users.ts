import type { Kysely } from 'kysely';
import type { ImportedUser } from './store.ts';
import type { Tables } from './tables.ts';
import { changeUserStates, type UserStateOptions } from './user-states.ts';

/**
 * `Store.recordUsers` inside a transaction the caller holds: the changes of `saveTraits` and
 * `recordExposures` for many users through the users' one write path, so a few statements per 500 users
 * instead of several per user (on PostgreSQL each is a round trip).
 */
export async function importUsers(
  trx: Kysely<Tables>,
  options: UserStateOptions,
  siteId: string,
  users: ImportedUser[],
): Promise<void> {
  const changes = new Map(
    users.map((u) => [
      u.key,
      [
        { kind: 'traits' as const, traits: u.traits, at: u.at },
        { kind: 'exposures' as const, exposures: u.exposures, at: u.at },
      ],
    ]),
  );
  await changeUserStates(trx, options, siteId, changes);
}
