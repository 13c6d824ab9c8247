import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import { emptyCounts } from '../core/results.ts';
import { type GroupReading, groupReading, OVERALL, TRAIT_NAME } from '../core/rollup-groups.ts';
import type { ResultsCounts } from '../schema/results.ts';
import type { ResultsBy, ResultsGroups } from './store.ts';
import type { Tables } from './tables.ts';

/** What differs between SQL engines when reading JSON text. */
export type JsonDialect = {
  /** The trait `name` (already validated) of a traits JSON object's text, as text; null when missing. */
  traitText(traits: Expression<string>, name: string): RawBuilder<string | null>;
};

type Key = string | null;

/**
 * A message's counts overall and per group (`by`), read from the rollups (never the event log):
 * impressions, distinct viewers, clicks, dismissals, responses (one per user: their latest) and the
 * histogram of those responses' values. A trait breakdown groups events by the trait their user had when
 * the event was stored; its "none" group (key null) is everything not counted under some value. Viewers
 * are counted per group and overall separately, because one user may fall in two groups (two phases).
 *
 * @example await countResults(db, 'msg_1', { kind: 'trait', name: 'city' })
 */
export async function countResults(
  db: Kysely<Tables>,
  messageId: string,
  by: ResultsBy,
): Promise<ResultsGroups> {
  if (by?.kind === 'trait' && !TRAIT_NAME.test(by.name)) {
    throw new RangeError(`not a trait name: ${JSON.stringify(by.name)}`);
  }
  const reading = by === null ? null : groupReading(by);
  const stored = await storedCounts(db, messageId, reading?.prefix ?? null);
  const overall = stored.get(OVERALL) ?? emptyCounts();
  if (reading === null) return { overall, groups: [] };
  const groups = new Map<Key, ResultsCounts>();
  for (const [grp, counts] of stored) {
    const key = grp === OVERALL ? undefined : reading.keyOf(grp);
    if (key !== undefined && !isEmpty(counts)) groups.set(key, counts);
  }
  const none = noneGroup(overall, stored, reading);
  if (none !== null) groups.set(null, none);
  return {
    overall,
    groups: [...groups]
      .map(([key, counts]) => ({ key, counts }))
      .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key))),
  };
}

/** A trait's "none" group: everything less what was counted with some value of it; null when empty. */
function noneGroup(
  overall: ResultsCounts,
  stored: Map<string, ResultsCounts>,
  reading: GroupReading,
): ResultsCounts | null {
  if (reading.anyValue === null) return null;
  const some = stored.get(reading.anyValue) ?? emptyCounts();
  const values: Record<string, number> = {};
  for (const [value, n] of Object.entries(overall.values)) {
    const rest = n - (some.values[value] ?? 0);
    if (rest > 0) values[value] = rest;
  }
  const rest = (field: Exclude<keyof ResultsCounts, 'values'>) => Math.max(0, overall[field] - some[field]);
  const none: ResultsCounts = {
    impressions: rest('impressions'),
    viewers: rest('viewers'),
    clicks: rest('clicks'),
    dismissals: rest('dismissals'),
    responses: rest('responses'),
    clickers: rest('clickers'),
    dismissers: rest('dismissers'),
    values,
  };
  return isEmpty(none) ? null : none;
}

/** No event counted: a group whose only answer moved to another group when a later one superseded it. */
function isEmpty(counts: ResultsCounts): boolean {
  const { values, ...numbers } = counts;
  return Object.values(numbers).every((n) => n === 0) && Object.keys(values).length === 0;
}

/** Group name → counts, for `*` and the groups whose names start with `prefix`. */
async function storedCounts(
  db: Kysely<Tables>,
  messageId: string,
  prefix: string | null,
): Promise<Map<string, ResultsCounts>> {
  // substr rather than LIKE (where `_` in a trait name is a wildcard) or a range (PostgreSQL collations).
  const inGroups = (ref: string) =>
    prefix === null
      ? sql<boolean>`${sql.ref(ref)} = ${OVERALL}`
      : sql<boolean>`(${sql.ref(ref)} = ${OVERALL} or substr(${sql.ref(ref)}, 1, ${prefix.length}) = ${prefix})`;
  const sum = (column: keyof Tables['rollup_counts']) => sql<number>`sum(${sql.ref(column)})`;
  const rows = await db
    .selectFrom('rollup_counts')
    .where('message_id', '=', messageId)
    .where(inGroups('grp'))
    .select([
      'grp',
      sum('impressions').as('impressions'),
      sum('viewers').as('viewers'),
      sum('clicks').as('clicks'),
      sum('dismissals').as('dismissals'),
      sum('responses').as('responses'),
      sum('clickers').as('clickers'),
      sum('dismissers').as('dismissers'),
    ])
    .groupBy('grp')
    .execute();
  const values = await db
    .selectFrom('rollup_values')
    .where('message_id', '=', messageId)
    .where(inGroups('grp'))
    .where('n', '>', 0)
    .select(['grp', 'value', 'n'])
    .execute();

  // Numbers via Number(): PostgreSQL returns sums as bigint strings.
  const out = new Map<string, ResultsCounts>();
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
    if (counts !== undefined) counts.values[String(Number(v.value))] = Number(v.n);
  }
  return out;
}
