import {
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteQueryCompiler,
  type TableMetadata,
} from 'kysely';
import { type Turn, turns } from './turns.ts';

/** The part of Cloudflare's D1 binding this dialect uses (`env.DB`). */
export type D1Like = {
  prepare(sql: string): {
    bind(...values: unknown[]): { all(): Promise<{ results?: unknown[]; meta: D1Meta }> };
  };
};
type D1Meta = { changes?: number; last_row_id?: number | null };

/**
 * Kysely over Cloudflare D1: SQLite's SQL (so the store's queries and migrations are SQLite's), run through
 * the D1 binding. Our own rather than `kysely-d1`, which throws on every transaction while the store uses
 * them for a deletion, a release's compare-and-set with its webhook notices, and every group commit.
 *
 * D1 has no interactive transactions (`BEGIN` is refused; only a fixed `batch()` is atomic), so a
 * transaction here is a run of statements that no other transaction of this isolate interleaves with,
 * each statement atomic on its own, with no rollback. What the store relies on still holds: a
 * compare-and-set is one `UPDATE … WHERE version = ?`, events are inserted with "ignore duplicates" so a
 * retried batch stores each event once, and counters are single upserts.
 *
 * @example new Kysely<Tables>({ dialect: d1Dialect(env.DB) })
 */
export function d1Dialect(database: D1Like): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => d1Driver(database),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: d1Introspector,
  };
}

/**
 * Table names, as Kysely's migrator asks for them (it only checks which exist). Not Kysely's SQLite
 * introspector: that reads every table's `pragma_table_info`, and D1 refuses it on its own `_cf_` tables
 * (SQLITE_AUTH), which are left out here.
 */
function d1Introspector(db: Kysely<unknown>): DatabaseIntrospector {
  const master = db as unknown as Kysely<{ sqlite_master: { name: string; type: string } }>;
  const getTables = async (): Promise<TableMetadata[]> => {
    const rows = await master
      .selectFrom('sqlite_master')
      .select(['name', 'type'])
      .where('type', 'in', ['table', 'view'])
      .where('name', 'not like', 'sqlite_%')
      .orderBy('name')
      .execute();
    return rows
      .filter((r) => !r.name.startsWith('_cf_'))
      .map((r) => ({ name: r.name, isView: r.type === 'view', columns: [] }));
  };
  return {
    getSchemas: async () => [],
    getTables,
    getMetadata: async () => ({ tables: await getTables() }),
  };
}

/** D1 refuses a statement with more bound parameters than this (a multi-row insert easily has more). */
export const D1_MAX_PARAMETERS = 100;

/**
 * `sql` with each `?` placeholder (outside quoted strings and names) replaced by its value as an SQLite
 * literal: how a statement with more than D1's 100 parameters still runs as one statement. Strings are
 * quoted with `'` doubled (SQLite has no backslash escapes), so a value cannot end its literal.
 */
export function inlineParameters(sql: string, parameters: readonly unknown[]): string {
  let out = '';
  let next = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      out += literal(parameters[next++]);
    } else out += ch;
  }
  if (next !== parameters.length)
    throw new Error(`expected ${parameters.length} placeholders, found ${next}`);
  return out;
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot store ${value}`);
    return String(value);
  }
  if (value instanceof Uint8Array) {
    return `X'${Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')}'`;
  }
  throw new Error(`cannot bind a ${typeof value}`);
}

function d1Driver(database: D1Like): Driver {
  const runQuery = async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
    const [text, values] =
      query.parameters.length > D1_MAX_PARAMETERS
        ? [inlineParameters(query.sql, query.parameters), []]
        : [query.sql, query.parameters];
    const { results, meta } = await database
      .prepare(text)
      .bind(...values)
      .all();
    const changes = meta.changes ?? 0;
    return {
      rows: (results ?? []) as R[],
      // Kysely reads affected rows only for writes; D1 reports 0 changes for a read.
      numAffectedRows: BigInt(changes),
      ...(meta.last_row_id == null ? {} : { insertId: BigInt(meta.last_row_id) }),
    };
  };
  // One transaction at a time per isolate, taken in turns that no two requests share a promise for.
  const transactions = turns();
  const held = new WeakMap<DatabaseConnection, Turn>();
  const end = async (connection: DatabaseConnection) => {
    held.get(connection)?.end();
    held.delete(connection);
  };
  return {
    async init() {},
    // A connection per caller, so a transaction's turn is ended by the transaction that took it.
    async acquireConnection() {
      return {
        executeQuery: runQuery,
        streamQuery() {
          throw new Error('D1 does not stream query results');
        },
      };
    },
    async beginTransaction(connection) {
      held.set(connection, await transactions.take());
    },
    commitTransaction: end,
    rollbackTransaction: end,
    async releaseConnection() {},
    async destroy() {},
  };
}
