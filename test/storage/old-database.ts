import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { onTestFinished } from 'vitest';
import { migrations } from '../../server/store/migrations/index.ts';

/**
 * An SQLite file as a database was before migration `before` (e.g. `'008'`): every earlier migration
 * applied, none after, in a temp folder removed when the test ends. Write old rows through `db`, destroy
 * it, then open the file with the store.
 *
 * @example const { db, file } = await oldDatabase('008')
 */
export async function oldDatabase(before: string): Promise<{ db: Kysely<any>; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-migration-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
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

/** A document as an older version stored it: a message or a release without the columns added since. */
type OldDoc = { id: string; siteId: string; status: string; updatedAt: string };

/**
 * Writes a site and one of its documents (in `table`: `messages` or `releases`) into an old database, as the
 * version before the migration under test did: the document's JSON and the columns it had then.
 *
 * @example await insertOld(db, site, 'releases', releaseWithoutVersion)
 */
export async function insertOld(
  db: Kysely<any>,
  site: { id: string; publicKey: string; updatedAt: string },
  table: 'messages' | 'releases',
  doc: OldDoc,
): Promise<void> {
  const { id, publicKey, updatedAt } = site;
  await db
    .insertInto('sites')
    .values({ id, public_key: publicKey, updated_at: updatedAt, doc: JSON.stringify(site) })
    .execute();
  await db
    .insertInto(table)
    .values({
      id: doc.id,
      site_id: site.id,
      status: doc.status,
      updated_at: doc.updatedAt,
      doc: JSON.stringify(doc),
    })
    .execute();
}
