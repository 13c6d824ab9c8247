import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { applySchema, type ColumnSpec, revertSchema, type SchemaChange } from './schema-change.ts';

/**
 * A fresh SQLite database holding `parents` (id, name; indexed by name), the DDL run after that, and its
 * schema as SQLite keeps it.
 */
async function database() {
  const ran: string[] = [];
  const sqlite = new Database(':memory:');
  const db = new Kysely<unknown>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (e) => {
      if (e.level === 'query') ran.push(e.query.sql);
    },
  });
  await db.schema
    .createTable('parents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .execute();
  await db.schema.createIndex('parents_name').on('parents').column('name').execute();
  ran.length = 0;
  const schema = () => sqlite.prepare('select type, name, sql from sqlite_master order by name').all();
  return { db, ran, schema };
}

const change: SchemaChange = {
  addColumns: { parents: { note: 'text' } },
  dropIndexes: { parents_name: { on: 'parents', columns: ['name'] } },
  tables: {
    children: {
      columns: {
        parent_id: 'text not null references parents.id on delete cascade',
        key: 'text not null',
        n: 'integer not null default 0',
        score: 'double precision',
      },
      primaryKey: ['parent_id', 'key'],
      unique: { children_parent_score: ['parent_id', 'score'] },
    },
  },
  indexes: {
    children_key: { on: 'children', columns: ['key'] },
    parents_note: { on: 'parents', columns: ['note'], unique: true },
  },
};

describe('schema changes as data', () => {
  it('creates what the spec declares, in the SQL Kysely writes for each builder call', async () => {
    const { db, ran } = await database();
    await applySchema(db, change);
    expect(ran).toEqual([
      'alter table "parents" add column "note" text',
      'drop index "parents_name"',
      'create table "children" ("parent_id" text not null references "parents" ("id") on delete cascade, "key" text not null, "n" integer default 0 not null, "score" double precision, constraint "children_pk" primary key ("parent_id", "key"), constraint "children_parent_score" unique ("parent_id", "score"))',
      'create index "children_key" on "children" ("key")',
      'create unique index "parents_note" on "parents" ("note")',
    ]);
  });

  it('reverts to the schema as it was, restoring the indexes it dropped', async () => {
    const { db, schema } = await database();
    const before = schema();
    await applySchema(db, change);
    expect(schema()).not.toEqual(before);
    await revertSchema(db, change);
    expect(schema()).toEqual(before);
  });

  it.each(['text primary key', 'text not null unique', 'bigint not null'] satisfies ColumnSpec[])(
    'takes the column spec %s',
    async (spec) => {
      const { db, ran } = await database();
      await applySchema(db, { tables: { t: { columns: { c: spec } } } });
      expect(ran).toEqual([`create table "t" ("c" ${spec})`]);
    },
  );

  it.each([
    'text notnull',
    'varchar not null',
    'text default 0 not null',
    'text references sites.id',
  ] as ColumnSpec[])('refuses the column spec %s before touching the database', async (spec) => {
    const { db, ran } = await database();
    await expect(applySchema(db, { tables: { t: { columns: { c: spec } } } })).rejects.toThrow(
      `unknown column spec: ${spec}`,
    );
    expect(ran).toEqual([]);
  });
});
