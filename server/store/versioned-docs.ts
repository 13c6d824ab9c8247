import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Message } from '../schema/message.ts';
import type { Release } from '../schema/release.ts';
import { byCreation, docRow, fromDoc } from './rows.ts';
import type { Tables } from './tables.ts';

/**
 * Messages or releases: documents of a site with a `version` column that counts their writes, so a write
 * can name the version it read (compare-and-set). The column is the truth: documents written before
 * migrations 005 (releases) and 014 (messages) carry no version. Lists are in creation order.
 *
 * @example const messages = versionedDocs(db, 'messages', Message); await messages.list(siteId, 'live')
 */
export function versionedDocs<D extends Message | Release>(
  db: Kysely<Tables>,
  table: 'messages' | 'releases',
  schema: z.ZodType<D>,
) {
  const docOf = (row: { doc: string; version: number }): D => ({
    ...fromDoc(schema, row),
    version: Number(row.version),
  });
  const rowsBy = (column: 'id' | 'site_id', value: string) =>
    db.selectFrom(table).select(['doc', 'version']).where(column, '=', value);
  return {
    async create(doc: D): Promise<void> {
      await db
        .insertInto(table)
        .values({ ...docRow(doc), version: doc.version })
        .execute();
    },
    async get(id: string): Promise<D | null> {
      const row = await rowsBy('id', id).executeTakeFirst();
      return row === undefined ? null : docOf(row);
    },
    /** A site's documents, only those in `status` when given. */
    async list(siteId: string, status?: D['status']): Promise<D[]> {
      const rows = await rowsBy('site_id', siteId)
        .$if(status !== undefined, (q) => q.where('status', '=', status ?? ''))
        .execute();
      return byCreation(rows.map(docOf));
    },
    /**
     * Writes `doc`, read at `doc.version`, inside `trx` when given: answers it at the next version, or
     * null, writing nothing, when another write came first.
     */
    async write(doc: D, trx: Kysely<Tables> = db): Promise<D | null> {
      const next = { ...doc, version: doc.version + 1 };
      const { id, ...row } = docRow(next);
      const { numUpdatedRows } = await trx
        .updateTable(table)
        .set({ ...row, version: next.version })
        .where('id', '=', id)
        .where('version', '=', doc.version)
        .executeTakeFirst();
      return numUpdatedRows === 0n ? null : next;
    },
  };
}
