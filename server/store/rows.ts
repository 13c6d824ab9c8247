import type { InsertObject, Kysely } from 'kysely';
import type { z } from 'zod';
import type { Message } from '../schema/message.ts';
import type { Release } from '../schema/release.ts';
import type { Site } from '../schema/site.ts';
import type { StoredEvent } from './store.ts';
import type { DocTable, EventsTable, SitesTable, Tables } from './tables.ts';

/** The row of a site: its document plus the columns looked up by. */
export function siteRow(site: Site): SitesTable {
  return {
    id: site.id,
    public_key: site.publicKey,
    updated_at: site.updatedAt,
    changelog_slug: site.changelogSlug,
    doc: JSON.stringify(site),
  };
}

/** The row of a message or release: its document plus the columns filtered by. */
export function docRow(doc: Message | Release): DocTable {
  return {
    id: doc.id,
    site_id: doc.siteId,
    status: doc.status,
    updated_at: doc.updatedAt,
    doc: JSON.stringify(doc),
  };
}

/**
 * The document kept in a row, parsed with its schema: documents written by older versions are upgraded by
 * the schema's defaults (a release before versions gets version 0 and no history), and a row the code no
 * longer understands fails loudly here rather than deep inside decide or a route.
 *
 * @example fromDoc(Message, row)
 */
export function fromDoc<S extends z.ZodType>(schema: S, row: { doc: string }): z.infer<S> {
  return schema.parse(JSON.parse(row.doc));
}

/** Documents in creation order (ties, which a coarse clock makes, by id). */
export function byCreation<T extends { createdAt: string; id: string }>(docs: T[]): T[] {
  return docs.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The row of an event. Times are stored in UTC so that ordering by text is ordering by time. */
export function eventRow(e: StoredEvent): EventsTable {
  return {
    id: e.id,
    site_id: e.siteId,
    type: e.type,
    message_id: e.messageId ?? null,
    name: e.name ?? null,
    value: e.value ?? null,
    text: e.text ?? null,
    props: e.props === undefined ? null : JSON.stringify(e.props),
    at: utc(e.at),
    received_at: utc(e.receivedAt),
    user_id: e.user.id ?? null,
    anonymous_id: e.user.anonymousId ?? null,
    user_key: e.userKey,
    phase: e.phase,
    interrupting: e.interrupting ? 1 : 0,
    verified: e.verified ? 1 : 0,
  };
}

function utc(at: string): string {
  return new Date(at).toISOString();
}

/**
 * Which column holds each field of a record stored field by field (an account, a session): written once,
 * read both ways by `toRow` and `fromRow`.
 */
export type FieldColumns = Readonly<Record<string, string>>;

/**
 * The row of `record`: each field of `columns` under its column (fields not named there are not stored).
 *
 * @example toRow({ tokenHash: 'token_hash' }, session) // { token_hash: '…' }
 */
export function toRow<C extends FieldColumns, R extends { [F in keyof C]: unknown }>(
  columns: C,
  record: R,
): { [F in keyof C as C[F]]: R[F] } {
  return Object.fromEntries(
    Object.entries(columns).map(([field, column]) => [column, record[field]]),
  ) as never;
}

/**
 * The record in `row`: each column of `columns` under its field.
 *
 * @example fromRow({ tokenHash: 'token_hash' }, row) // { tokenHash: '…' }
 */
export function fromRow<C extends FieldColumns, Row extends Record<C[keyof C], unknown>>(
  columns: C,
  row: Row,
): { [F in keyof C]: Row[C[F]] } {
  const values: Record<string, unknown> = row;
  return Object.fromEntries(
    Object.entries(columns).map(([field, column]) => [field, values[column]]),
  ) as never;
}

/**
 * Inserts `row` unless one with the same key exists (`on conflict do nothing`); true when it was added.
 *
 * @example if (!(await insertNew(db, 'segments', segmentRow(segment)))) return conflict()
 */
export async function insertNew<T extends keyof Tables & string>(
  db: Kysely<Tables>,
  table: T,
  row: InsertObject<Tables, T>,
): Promise<boolean> {
  const { numInsertedOrUpdatedRows } = await db
    .insertInto(table)
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(numInsertedOrUpdatedRows ?? 0n) > 0;
}
