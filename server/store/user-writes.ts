import type { Kysely } from 'kysely';
import type { NewExposure } from '../core/decide.ts';
import type { UserChange } from '../core/user-state.ts';
import { type CommitStyle, commitQueue, type GroupCommit } from './group-commit.ts';
import type { Tables } from './tables.ts';
import { changesBySite, changeUserStates, type UserStateOptions } from './user-states.ts';

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
  options: UserStateOptions & { commits?: CommitStyle },
  maxQueued?: number,
): GroupCommit<UserWrite, number> {
  return commitQueue<UserWrite, number>(options.commits)(
    (batches) =>
      db.transaction().execute(async (trx) => {
        const sites = changesBySite(batches.flat(), toChange);
        for (const [siteId, changes] of sites) await changeUserStates(trx, options, siteId, changes);
        return batches.map((batch) => batch.length);
      }),
    { maxItems: 1000, ...(maxQueued === undefined ? {} : { maxQueued }) },
  );
}

/** A decide write as a change of its user's state. */
function toChange(write: UserWrite): UserChange {
  return 'traits' in write
    ? { kind: 'traits', traits: write.traits, at: write.at }
    : { kind: 'exposures', exposures: write.exposures, at: write.at };
}
