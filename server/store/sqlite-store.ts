import Database from 'better-sqlite3';
import { type Expression, Kysely, SqliteDialect, sql } from 'kysely';
import { createKyselyStore } from './kysely-store.ts';
import { memoryRateCounts } from './memory-rate-counts.ts';
import { sqliteAppendEvents } from './sqlite-append.ts';
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

/**
 * A trait as text: the path is a bound parameter with the name quoted as one key (no nesting), and JSON
 * booleans read `true`/`false` as PostgreSQL's `->>` gives them, not SQLite's 1/0.
 */
export function sqliteTraitText(state: Expression<string>, name: string) {
  const path = `$.traits."${name}"`;
  return sql<string | null>`case json_type(${state}, ${path})
    when 'true' then 'true' when 'false' then 'false'
    else cast(json_extract(${state}, ${path}) as text) end`;
}
