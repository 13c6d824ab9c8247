import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

/**
 * A column as SQL would declare it, in this order: a portable type (one that SQLite, D1 and PostgreSQL all
 * take), then any of `primary key`, `not null`, `unique`, `default <number>`, `references <table>.<column>
 * on delete cascade`. Checked when the migration runs, so a typo fails every storage test at once.
 *
 * @example 'text not null references sites.id on delete cascade'
 */
export type ColumnSpec = `${ColumnType}` | `${ColumnType} ${string}`;
type ColumnType = 'text' | 'integer' | 'bigint' | 'double precision';

const COLUMN =
  /^(text|integer|bigint|double precision)( primary key)?( not null)?( unique)?(?: default (\d+))?(?: references (\w+\.\w+) on delete cascade)?$/;

/** A new table: its columns in order, a primary key over several columns (named `<table>_pk`), unique pairs. */
export type TableSpec = {
  columns: Record<string, ColumnSpec>;
  primaryKey?: string[];
  unique?: Record<string, string[]>;
};

/** An index by its name: the table, its columns, and whether it is unique. */
export type IndexSpec = { on: string; columns: string[]; unique?: true };

/**
 * What a migration changes, as data. `up` adds the columns, drops `dropIndexes`, creates the tables, then
 * the indexes; `down` undoes each, last first (dropped indexes are declared whole so that `down` can
 * restore them). A new table's own indexes go in `indexes` too; they leave with the table.
 */
export type SchemaChange = {
  addColumns?: Record<string, Record<string, ColumnSpec>>;
  dropIndexes?: Record<string, IndexSpec>;
  tables?: Record<string, TableSpec>;
  indexes?: Record<string, IndexSpec>;
};

/**
 * A migration that applies `change`, then runs `after` (a backfill); `down` reverts the change.
 *
 * @example export const liveVersions = schemaMigration({ tables: { live_versions: { columns: {…} } } })
 */
export function schemaMigration(
  change: SchemaChange,
  after?: (db: Kysely<unknown>) => Promise<void>,
): Migration {
  return {
    async up(db) {
      await applySchema(db, change);
      await after?.(db);
    },
    down: (db) => revertSchema(db, change),
  };
}

/** Makes `change` on `db`. */
export async function applySchema(db: Kysely<unknown>, change: SchemaChange): Promise<void> {
  for (const [table, columns] of Object.entries(change.addColumns ?? {})) {
    for (const [name, spec] of Object.entries(columns)) {
      const [type, build] = column(spec);
      await db.schema.alterTable(table).addColumn(name, type, build).execute();
    }
  }
  for (const name of Object.keys(change.dropIndexes ?? {})) await db.schema.dropIndex(name).execute();
  for (const [name, table] of Object.entries(change.tables ?? {})) await createTable(db, name, table);
  for (const [name, index] of Object.entries(change.indexes ?? {})) await createIndex(db, name, index);
}

/** Undoes `change` on `db`, last step first. */
export async function revertSchema(db: Kysely<unknown>, change: SchemaChange): Promise<void> {
  const tables = Object.keys(change.tables ?? {}).reverse();
  for (const [name, index] of Object.entries(change.indexes ?? {}).reverse()) {
    if (!tables.includes(index.on)) await db.schema.dropIndex(name).execute();
  }
  for (const table of tables) await db.schema.dropTable(table).execute();
  for (const [name, index] of Object.entries(change.dropIndexes ?? {})) await createIndex(db, name, index);
  for (const [table, columns] of Object.entries(change.addColumns ?? {}).reverse()) {
    for (const name of Object.keys(columns).reverse())
      await db.schema.alterTable(table).dropColumn(name).execute();
  }
}

async function createTable(db: Kysely<unknown>, name: string, table: TableSpec): Promise<void> {
  let create: CreateTableBuilder<string, string> = db.schema.createTable(name);
  for (const [field, spec] of Object.entries(table.columns))
    create = create.addColumn(field, ...column(spec));
  if (table.primaryKey) create = create.addPrimaryKeyConstraint(`${name}_pk`, table.primaryKey);
  for (const [constraint, columns] of Object.entries(table.unique ?? {})) {
    create = create.addUniqueConstraint(constraint, columns);
  }
  await create.execute();
}

async function createIndex(db: Kysely<unknown>, name: string, index: IndexSpec): Promise<void> {
  const create = db.schema.createIndex(name).on(index.on).columns(index.columns);
  await (index.unique ? create.unique() : create).execute();
}

/** Kysely's type and column builder for a spec; throws on a spec outside the grammar above. */
function column(spec: ColumnSpec): [ColumnType, (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  const match = COLUMN.exec(spec);
  if (match === null) throw new Error(`unknown column spec: ${spec}`);
  const [, type, primaryKey, notNull, unique, defaultTo, references] = match;
  return [
    type as ColumnType,
    (c) => {
      let built = primaryKey ? c.primaryKey() : c;
      if (notNull) built = built.notNull();
      if (unique) built = built.unique();
      if (defaultTo !== undefined) built = built.defaultTo(Number(defaultTo));
      if (references !== undefined) built = built.references(references).onDelete('cascade');
      return built;
    },
  ];
}
