import { type Kysely, sql } from 'kysely';
import type { ResponseRow } from '../schema/results.ts';
import type { ResponsesQuery } from './store.ts';
import type { Tables } from './tables.ts';
import { parseUserState } from './user-states.ts';

/**
 * A message's responses, newest first, each with the traits its user was last seen with. `search` matches
 * the text case-insensitively as a plain substring (`%` and `_` match themselves).
 *
 * @example await listResponses(db, 'msg_1', { limit: 50, offset: 0, search: 'slow' })
 */
export async function listResponses(
  db: Kysely<Tables>,
  messageId: string,
  query: ResponsesQuery,
): Promise<ResponseRow[]> {
  const search = query.search?.trim() ?? '';
  const rows = await db
    .selectFrom('events as e')
    .leftJoin('user_states as u', (j) =>
      j.onRef('u.site_id', '=', 'e.site_id').onRef('u.user_key', '=', 'e.user_key'),
    )
    .where('e.message_id', '=', messageId)
    .where('e.type', '=', 'response')
    .$if(search !== '', (q) =>
      // lower() on both sides rather than ILIKE: SQLite has no ILIKE, PostgreSQL's LIKE is case-sensitive.
      q.where(sql<boolean>`lower(e.text) like ${`%${escapeLike(search.toLowerCase())}%`} escape '\\'`),
    )
    .select(['e.id', 'e.message_id', 'e.user_id', 'e.anonymous_id', 'e.value', 'e.text', 'e.at', 'u.state'])
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    messageId: r.message_id ?? messageId,
    userId: r.user_id,
    anonymousId: r.anonymous_id,
    value: r.value === null ? null : Number(r.value),
    text: r.text,
    at: r.at,
    traits: r.state === null ? {} : parseUserState(r.state).traits,
  }));
}

/** Makes LIKE's wildcards and the escape character literal. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
