import { type Kysely, sql } from 'kysely';
import type { ChangeFeed } from '../deps.ts';
import { until } from './turns.ts';

type VersionTables = { live_versions: { scope: string; version: number } };

/** The one scope: any site's change bumps it, and every isolate then reloads the sites it serves. */
const SCOPE = 'sites';

/** A change feed that isolates poll: `refresh` before serving, `settled` before the request ends. */
export type PolledChangeFeed = ChangeFeed & {
  /** Reads the version (at most once per `everyMs`) and tells listeners `'*'` when another wrote since. */
  refresh(): Promise<void>;
  /** Resolves once every version bump published so far is written. */
  settled(): Promise<void>;
};

/**
 * The edge's counterpart of PostgreSQL LISTEN/NOTIFY for the live-message cache: a Worker isolate cannot
 * hold a connection open to hear changes, so each change bumps a counter in the database and each isolate
 * reads that one row at most once per `everyMs` before a request, dropping its compiled sites when the
 * number moved. Site changes are admin actions, rare beside decides, so one counter for all sites is
 * enough; an isolate sees another's change within `everyMs`. User states are not cached at the edge, so
 * the user half of the feed is silent.
 *
 * @example const changes = liveVersions(db, { everyMs: 1000, now: Date.now }); await changes.refresh()
 */
export function liveVersions(
  db: Kysely<unknown>,
  options: { everyMs: number; now: () => number },
): PolledChangeFeed {
  const versions = db as unknown as Kysely<VersionTables>;
  const listeners: ((siteId: string) => void)[] = [];
  let writing = 0;
  let seen: number | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;

  async function read(): Promise<number> {
    const row = await versions
      .selectFrom('live_versions')
      .select('version')
      .where('scope', '=', SCOPE)
      .executeTakeFirst();
    return Number(row?.version ?? 0);
  }

  return {
    publish() {
      // Counted by the write itself: a request waiting in `settled` must not await another's promise.
      writing++;
      const bump = async () => {
        try {
          await versions
            .insertInto('live_versions')
            .values({ scope: SCOPE, version: 1 })
            .onConflict((oc) => oc.column('scope').doUpdateSet({ version: sql`live_versions.version + 1` }))
            .execute();
        } catch {
          // The next change bumps it again; other isolates then catch up on both.
        } finally {
          writing--;
        }
      };
      void bump();
    },
    subscribe(listener) {
      listeners.push(listener);
    },
    publishUsers() {},
    subscribeUsers() {},
    async refresh() {
      const now = options.now();
      if (now - checkedAt < options.everyMs) return;
      checkedAt = now;
      const version = await read();
      if (seen !== undefined && version !== seen) for (const listener of listeners) listener('*');
      seen = version;
    },
    async settled() {
      await until(() => writing === 0);
    },
  };
}
