import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from '../../server/store/migrations/index.ts';

/**
 * An SQLite file as a database was before migration `before` (e.g. `'008'`): every earlier migration
 * applied, none after, in `dir`. Write old rows through `db`, destroy it, then open the file with the store.
 *
 * @example const { db, file } = await oldDatabase(dir, '008')
 */
export async function oldDatabase(dir: string, before: string): Promise<{ db: Kysely<any>; file: string }> {
  const file = join(dir, `before-${before}.db`);
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(file) }) });
  const earlier = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < before));
  const { error } = await new Migrator({
    db,
    provider: { getMigrations: async () => earlier },
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  if (error !== undefined) throw error;
  return { db, file };
}
