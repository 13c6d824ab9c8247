import { type Kysely, sql } from 'kysely';
import { hourOf, OVERALL } from '../core/rollup-groups.ts';
import type { Tables } from './tables.ts';

/** One message's count of one event type in one UTC hour (`2026-11-26T10`). */
export type HourlyCount = { messageId: string; hour: string; type: string; count: number };

/** Which messages: some by id, or every message of a site. */
export type Messages = { ids: string[] } | { siteId: string };

const TYPES = ['impression', 'click', 'dismiss', 'response'] as const;

/**
 * Impressions, clicks, dismissals and responses (every response event) per message and hour from `since` on,
 * read from the hourly rollups; when `since` falls inside an hour, that hour's part from `since` on is
 * counted from the events themselves (an index range of at most an hour). With `verifiedOnly`, only
 * impressions and dismissals of verified users, the counts a release's verified-only gate reads.
 *
 * @example await countsSince(db, { ids: ['msg_1'] }, '2026-11-26T10:30:00.000Z')
 */
export async function countsSince(
  db: Kysely<Tables>,
  messages: Messages,
  since: string,
  verifiedOnly = false,
): Promise<HourlyCount[]> {
  if ('ids' in messages && messages.ids.length === 0) return [];
  const hour = hourOf(since);
  const aligned = Date.parse(since) === Date.parse(`${hour}:00:00Z`);
  const column = {
    impression: verifiedOnly ? 'verified_impressions' : 'impressions',
    click: verifiedOnly ? null : 'clicks',
    dismiss: verifiedOnly ? 'verified_dismissals' : 'dismissals',
    response: verifiedOnly ? null : 'answers',
  } as const;
  const rolled = await db
    .selectFrom('rollup_counts')
    .$if('ids' in messages, (q) => q.where('message_id', 'in', 'ids' in messages ? messages.ids : []))
    .$if('siteId' in messages, (q) => q.where('site_id', '=', 'siteId' in messages ? messages.siteId : ''))
    .where('grp', '=', OVERALL)
    .where('bucket', aligned ? '>=' : '>', hour)
    .select(['message_id', 'bucket'])
    .select(TYPES.map((t) => sql<number>`sum(${sql.ref(column[t] ?? 'viewers')})`.as(t)))
    .groupBy(['message_id', 'bucket'])
    .execute();
  const out: HourlyCount[] = [];
  for (const r of rolled) {
    for (const type of TYPES) {
      const count = Number((r as Record<string, unknown>)[type] ?? 0);
      if (column[type] !== null && count > 0)
        out.push({ messageId: r.message_id, hour: r.bucket, type, count });
    }
  }
  if (aligned) return out;
  const nextHour = new Date(Date.parse(`${hour}:00:00Z`) + 3_600_000).toISOString();
  const types = TYPES.filter((t) => column[t] !== null);
  const partial = await db
    .selectFrom('events')
    .$if('ids' in messages, (q) => q.where('message_id', 'in', 'ids' in messages ? messages.ids : []))
    .$if('siteId' in messages, (q) => q.where('site_id', '=', 'siteId' in messages ? messages.siteId : ''))
    .where('type', 'in', types)
    .where('at', '>=', since)
    .where('at', '<', nextHour)
    .$if(verifiedOnly, (q) => q.where('verified', '=', 1))
    .select(['message_id', 'type', sql<number>`count(*)`.as('n')])
    .groupBy(['message_id', 'type'])
    .execute();
  for (const r of partial) {
    if (r.message_id !== null) out.push({ messageId: r.message_id, hour, type: r.type, count: Number(r.n) });
  }
  return out;
}
