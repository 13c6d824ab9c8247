import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createKyselyStore } from './kysely-store.ts';
import { memoryRateCounts } from './memory-rate-counts.ts';
import { sqliteAppendEvents } from './sqlite-append.ts';
import { sqliteTraitText } from './sqlite-trait-text.ts';
import type { QueueBounds, Store } from './store.ts';
import type { Tables } from './tables.ts';

/**
 * Opens Herald's embedded store: one SQLite file (or `:memory:`), no other service. Call `migrate()` before
 * use. `synchronous = FULL` because an acknowledged event must survive power loss; WAL so readers do not
 * wait for the writer; the busy timeout lets a second process (a backup, the CLI) share the file.
 *
 * @example const store = await openSqliteStore('./data/herald.db'); await store.migrate()
 */
export async function openSqliteStore(path: string, bounds: QueueBounds = {}): Promise<Store> {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  // SQLite serialises writers on its one connection, so rows need no locks. Rate counts stay in memory:
  // one process serves an SQLite file, and a counted request must not wait for an fsync.
  const store = createKyselyStore(db, {
    ...bounds,
    lockStateRows: false,
    traitText: sqliteTraitText,
    appendEvents: sqliteAppendEvents(sqlite),
  });
  return { ...store, rateCounts: memoryRateCounts() };
}
