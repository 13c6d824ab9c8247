import type { Kysely } from 'kysely';
import type { NewExposure } from '../core/decide.ts';
import type { EventWriterOptions } from './event-writer.ts';
import { writeExposures } from './exposures-query.ts';
import { type GroupCommit, groupCommit } from './group-commit.ts';
import type { Tables } from './tables.ts';
import { writeTraits } from './traits.ts';

/** What a decide must remember about one user: new traits, or releases reaching them for the first time. */
export type UserWrite = { siteId: string; userKey: string; at: string } & (
  | { traits: Record<string, unknown> }
  | { exposures: NewExposure[] }
);

/**
 * The decide path's writes through a group commit: concurrent decides that must remember something share
 * one transaction (one fsync) instead of paying one each, as events do. Within a flush users are written in
 * (site, user) order, the order the event writer locks them in, so two instances' flushes cannot deadlock.
 *
 * @example const writes = userWrites(db, options); await writes.submit([{ siteId, userKey, at, traits }])
 */
export function userWrites(
  db: Kysely<Tables>,
  options: EventWriterOptions,
  maxQueued?: number,
): GroupCommit<UserWrite, number> {
  return groupCommit<UserWrite, number>(
    (batches) =>
      db.transaction().execute(async (trx) => {
        const ordered = batches
          .flat()
          .sort((a, b) => compare(a.siteId, b.siteId) || compare(a.userKey, b.userKey));
        for (const write of ordered) {
          if ('traits' in write) await writeTraits(trx, options, { ...write, traits: write.traits });
          else await writeExposures(trx, options, write);
        }
        return batches.map((batch) => batch.length);
      }),
    { maxItems: 1000, ...(maxQueued === undefined ? {} : { maxQueued }) },
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
