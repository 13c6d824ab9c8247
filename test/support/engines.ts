import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { pgSchema } from './pg-schema.ts';

/**
 * Where a server process keeps its data, and a way to read, behind its back, the ids of the `track` events
 * named `name` it stored on a site: what a test that stops or kills the process checks.
 */
export type Engine = {
  url: string;
  storedIds(siteId: string, name: string): Promise<string[]>;
  drop(): Promise<void>;
};

const TRACKED_IDS = 'select id from events where site_id = $1 and name = $2';

/** Where a store may live, fresh: `file` is SQLite's (none on PostgreSQL); `drop` removes it all. */
export type FreshDatabase = { url: string; file?: string; drop(): Promise<void> };

/** A fresh SQLite file in a temp folder of its own. */
export async function freshSqlite(): Promise<FreshDatabase & { file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-db-'));
  const file = join(dir, 'h.db');
  return { url: `sqlite:${file}`, file, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh SQLite file, or a fresh PostgreSQL schema.
 *
 * @example const db = await pgSchema(); const store = await openStore(db.url); … await db.drop()
 */
export function freshDatabase(kind: 'sqlite' | 'postgres'): Promise<FreshDatabase> {
  return kind === 'postgres' ? pgSchema() : freshSqlite();
}

/** The ids of a site's `track` events named `name`, read from a SQLite file. */
const sqliteIds = (file: string) => async (siteId: string, name: string) => {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare(TRACKED_IDS.replace('$1', '?').replace('$2', '?')).all(siteId, name) as {
    id: string;
  }[];
  db.close();
  return rows.map((r) => r.id);
};

/** The same, read from a PostgreSQL schema. */
const postgresIds = (url: string) => async (siteId: string, name: string) => {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(TRACKED_IDS, [siteId, name]);
  await client.end();
  return rows.map((r) => r.id);
};

/** A fresh SQLite file and a fresh PostgreSQL schema, by name, for `describe.each`. */
export const ENGINES: [string, () => Promise<Engine>][] = [
  [
    'SQLite',
    async () => {
      const db = await freshSqlite();
      return { ...db, storedIds: sqliteIds(db.file) };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await pgSchema();
      return { ...db, storedIds: postgresIds(db.url) };
    },
  ],
];
