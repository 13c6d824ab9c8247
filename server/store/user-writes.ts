import type { Kysely } from 'kysely';
import type { NewExposure } from '../core/decide.ts';
import type { UserChange } from '../core/user-state.ts';
import { type GroupCommit, groupCommit } from './group-commit.ts';
import type { Tables } from './tables.ts';
import { changeUserStates, type UserChanges, type UserStateOptions } from './user-states.ts';

/** What a decide must remember about one user: new traits, or releases reaching them for the first time. */
export type UserWrite = { siteId: string; userKey: string; at: string } & (
  | { traits: Record<string, unknown> }
  | { exposures: NewExposure[] }
);

/**
 * The decide path's writes through a group commit: concurrent decides that must remember something share
 * one transaction (one fsync) instead of paying one each, as events do, and the users' one write path
 * reads and writes each user once per flush. Sites are written in order, the order the event writer
 * takes them in, so two instances' flushes cannot deadlock.
 *
 * @example const writes = userWrites(db, options); await writes.submit([{ siteId, userKey, at, traits }])
 */
export function userWrites(
  db: Kysely<Tables>,
  options: UserStateOptions,
  maxQueued?: number,
): GroupCommit<UserWrite, number> {
  return groupCommit<UserWrite, number>(
    (batches) =>
      db.transaction().execute(async (trx) => {
        const sites = [...changesBySite(batches.flat())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        for (const [siteId, changes] of sites) await changeUserStates(trx, options, siteId, changes);
        return batches.map((batch) => batch.length);
      }),
    { maxItems: 1000, ...(maxQueued === undefined ? {} : { maxQueued }) },
  );
}

/** Each site's users with their writes as changes, in the order they were submitted. */
function changesBySite(writes: UserWrite[]): Map<string, UserChanges> {
  const sites = new Map<string, UserChanges>();
  for (const write of writes) {
    const users = sites.get(write.siteId) ?? new Map<string, UserChange[]>();
    sites.set(write.siteId, users);
    const change: UserChange =
      'traits' in write
        ? { kind: 'traits', traits: write.traits, at: write.at }
        : { kind: 'exposures', exposures: write.exposures, at: write.at };
    users.set(write.userKey, [...(users.get(write.userKey) ?? []), change]);
  }
  return sites;
}
