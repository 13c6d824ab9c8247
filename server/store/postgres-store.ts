import { type Expression, Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import { createKyselyStore } from './kysely-store.ts';
import type { ManyRows } from './many-rows.ts';
import { migrateToLatest } from './migrations/index.ts';
import type { QueueBounds, Store } from './store.ts';
import type { Tables } from './tables.ts';

/**
 * Opens Herald's shared store: one PostgreSQL database for any number of server instances. Call `migrate()`
 * before use (concurrent callers are serialised by Kysely's migration lock). Connection settings come from
 * the URL, including libpq `options`, e.g. `postgres://herald@db/herald?options=-c%20search_path%3Dherald`
 * to keep the tables in a schema of their own.
 *
 * @example const store = await openPostgresStore('postgres://herald@db:5432/herald'); await store.migrate()
 */
export async function openPostgresStore(url: string, bounds: QueueBounds = {}): Promise<Store> {
  const pool = new Pool({ connectionString: url });
  // An idle connection that breaks (a database restart) is dropped by the pool and replaced on the next
  // query, which reports its own error; without a listener the 'error' event would crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  // Instances write the same user states concurrently, so a flush locks the rows it reads.
  const store = createKyselyStore(db, {
    ...bounds,
    lockStateRows: true,
    traitText: postgresTraitText,
    manyRows: postgresManyRows,
  });
  return {
    ...store,
    async migrate() {
      // Kysely finds its migration tables in any schema unless told which: name the one in use, so a
      // database holding several schemas (one per app, or per test run) migrates each on its own.
      const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
      // Kysely's migrator lists the tables of every schema of the database; one dropped meanwhile (another
      // app's, another test run's) fails that listing with "schema does not exist" (3F000): list again.
      for (let tries = 1; ; tries++) {
        try {
          return await migrateToLatest(db as Kysely<unknown>, { schema: rows[0]?.schema ?? undefined });
        } catch (err) {
          if ((err as { code?: string }).code !== '3F000' || tries >= 5) throw err;
        }
      }
    },
    async close() {
      await store.close();
      // Kysely ends the pool only if it ever queried through it.
      if (!pool.ended) await pool.end();
    },
  };
}

/**
 * A trait of a traits JSON object, as text: the name is a bound parameter naming one key (no nesting, nothing to escape). `->>`
 * gives strings unquoted and numbers and booleans as their JSON text (`3`, `true`).
 */
export function postgresTraitText(traits: Expression<string>, name: string) {
  return sql<string | null>`(cast(${traits} as jsonb) ->> cast(${name} as text))`;
}

/**
 * Many rows as one JSON parameter, typed by the table's own row type (`json_populate_recordset`), and many
 * keys as one array: a flush's insert is one short statement however many rows it carries, where a
 * multi-row VALUES list costs a parameter per value to send, parse and plan.
 */
export const postgresManyRows: ManyRows = {
  rowsOf: (table, columns, rows) =>
    sql`select ${sql.join(columns.map((c) => sql.ref(c)))} from json_populate_recordset(cast(null as ${sql.table(table)}), ${JSON.stringify(rows)})`,
  listOf: (values) => sql`cast(${values} as text[])`,
};
