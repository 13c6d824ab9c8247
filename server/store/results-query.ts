import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import { emptyCounts } from '../core/results.ts';
import type { ResultsCounts } from '../schema/results.ts';
import { countedAnswer } from './latest-answer.ts';
import type { ResultsBy, ResultsGroups } from './store.ts';
import type { Tables } from './tables.ts';

/** What differs between SQL engines when reading JSON text. */
export type JsonDialect = {
  /** The trait `name` (already validated) of a `UserState` JSON text, as text; null when missing. */
  traitText(state: Expression<string>, name: string): RawBuilder<string | null>;
};

/** Trait names a breakdown accepts: safe to place inside a JSON path. */
export const TRAIT_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

type Key = string | null;

/**
 * A message's counts overall and per group (`by`): impressions, distinct viewers, clicks, dismissals,
 * responses (one per user: their latest) and the histogram of those responses' values. Viewers are counted per group and overall separately,
 * because one user may fall in two groups (two phases).
 *
 * @example await countResults(db, json, 'msg_1', { kind: 'trait', name: 'city' })
 */
export async function countResults(
  db: Kysely<Tables>,
  json: JsonDialect,
  messageId: string,
  by: ResultsBy,
): Promise<ResultsGroups> {
  const overall = await countBy(db, messageId, sql<Key>`cast(null as text)`);
  const groups =
    by === null ? new Map<Key, ResultsCounts>() : await countBy(db, messageId, groupKey(json, by));
  return {
    overall: overall.get(null) ?? emptyCounts(),
    groups: [...groups]
      .map(([key, counts]) => ({ key, counts }))
      .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key))),
  };
}

function groupKey(json: JsonDialect, by: Exclude<ResultsBy, null>): RawBuilder<Key> {
  if (by.kind === 'phase') return sql<Key>`${sql.ref('e.phase')}`;
  if (!TRAIT_NAME.test(by.name)) throw new RangeError(`not a trait name: ${JSON.stringify(by.name)}`);
  const trait = json.traitText(sql.ref('u.state'), by.name);
  return sql<Key>`(select ${trait} from user_states u where u.site_id = e.site_id and u.user_key = e.user_key)`;
}

async function countBy(db: Kysely<Tables>, messageId: string, key: RawBuilder<Key>) {
  const ofType = (type: string) => sql<number>`sum(case when e.type = ${type} then 1 else 0 end)`;
  const rows = await db
    .selectFrom('events as e')
    .where('e.message_id', '=', messageId)
    .where(countedAnswer('e'))
    .select([
      key.as('grp'),
      ofType('impression').as('impressions'),
      sql<number>`count(distinct case when e.type = 'impression' then e.user_key end)`.as('viewers'),
      ofType('click').as('clicks'),
      ofType('dismiss').as('dismissals'),
      ofType('response').as('responses'),
      sql<number>`count(distinct case when e.type = 'click' then e.user_key end)`.as('clickers'),
      sql<number>`count(distinct case when e.type = 'dismiss' then e.user_key end)`.as('dismissers'),
    ])
    .groupBy(sql.ref('grp'))
    .execute();
  const values = await db
    .selectFrom('events as e')
    .where('e.message_id', '=', messageId)
    .where('e.type', '=', 'response')
    .where('e.value', 'is not', null)
    .where(countedAnswer('e'))
    .select([key.as('grp'), 'e.value', sql<number>`count(*)`.as('n')])
    .groupBy([sql.ref('grp'), 'e.value'])
    .execute();

  // Numbers via Number(): PostgreSQL returns sums and counts as bigint strings.
  const out = new Map<Key, ResultsCounts>();
  for (const r of rows) {
    out.set(r.grp, {
      impressions: Number(r.impressions),
      viewers: Number(r.viewers),
      clicks: Number(r.clicks),
      dismissals: Number(r.dismissals),
      responses: Number(r.responses),
      clickers: Number(r.clickers),
      dismissers: Number(r.dismissers),
      values: {},
    });
  }
  for (const v of values) {
    const counts = out.get(v.grp);
    if (counts !== undefined && v.value !== null) counts.values[String(Number(v.value))] = Number(v.n);
  }
  return out;
}
