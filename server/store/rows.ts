import type { z } from 'zod';
import type { Message } from '../schema/message.ts';
import type { Release } from '../schema/release.ts';
import type { Site } from '../schema/site.ts';
import type { StoredEvent } from './store.ts';
import type { DocTable, EventsTable, SitesTable } from './tables.ts';

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
