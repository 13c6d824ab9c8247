import {
  type Expression,
  type Insertable,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  type SqlBool,
  sql,
} from 'kysely';
import { chunks } from './chunks.ts';
import type { Tables } from './tables.ts';

/**
 * How an engine hands one statement any number of rows or keys (PostgreSQL: one JSON or array parameter;
 * see `postgresManyRows`). A flush then costs one statement per table, short to send and to parse, instead
 * of a statement per 500 rows with a parameter per value.
 */
export type ManyRows = {
  /** `rows` as a select of `columns` typed as `table`'s, for `insert into table (columns) <this>`. */
  rowsOf(
    table: keyof Tables & string,
    columns: readonly string[],
    rows: readonly object[],
  ): Expression<unknown>;
  /** `values` as one list, for `column = any(<this>)`. */
  listOf(values: readonly string[]): Expression<unknown>;
};

/**
 * The inserts that write `rows` into `table`, for the caller to finish (`onConflict`, `returning`) and run
 * in order: one with `many`, else one per 500 rows (SQLite's and D1's bound on parameters).
 *
 * @example for (const q of insertRows(trx, 'user_goals', rows, options.manyRows)) await q.onConflict(…).execute()
 */
export function insertRows<T extends keyof Tables & string>(
  db: Kysely<Tables>,
  table: T,
  rows: Insertable<Tables[T]>[],
  many: ManyRows | undefined,
): InsertQueryBuilder<Tables, T, InsertResult>[] {
  const first = rows[0];
  if (first === undefined) return [];
  if (many === undefined) return chunks(rows).map((chunk) => db.insertInto(table).values(chunk));
  const columns = Object.keys(first);
  return [
    db
      .insertInto(table)
      .columns(columns as never)
      .expression(many.rowsOf(table, columns, rows)),
  ];
}

/** `values` in runs for `isIn`: all at once with `many`, else 500 a statement. */
export function keyLists(values: string[], many: ManyRows | undefined): string[][] {
  return many === undefined ? chunks(values) : values.length === 0 ? [] : [values];
}

/** `column` is one of `values` (one run of `keyLists`): `= any(list)` with `many`, else `in (…)`. */
export function isIn(column: string, values: readonly string[], many: ManyRows | undefined) {
  return many === undefined
    ? sql<SqlBool>`${sql.ref(column)} in (${sql.join(values)})`
    : sql<SqlBool>`${sql.ref(column)} = any(${many.listOf(values)})`;
}
