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
 * The document kept in a row. Trusted without parsing: only this store writes it, from values that
 * were parsed at the edge.
 */
export function fromDoc<T>(row: { doc: string }): T {
  return JSON.parse(row.doc) as T;
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
