import { type Kysely, sql } from 'kysely';
import { countsSince } from './hourly-query.ts';
import type { JsonDialect } from './results-query.ts';
import type { Tables } from './tables.ts';

/** Exposed or held-out users of a release per group, and how many of them reached the goal after exposure. */
export type ReachRow = { key: string | null; holdout: boolean; users: number; converted: number };

/**
 * Counts a release's reached users per phase (or per trait they had when reached) and holdout flag, with how many
 * sent the goal at or after their exposure: their latest goal event of that name (`user_goals`, kept as
 * events are stored, read by name through migration 012's index) is not older than the exposure. The goal is a `track` event of that name (what the
 * widget's `Herald.track(name)` sends) or a `goal` event (what server-side imports and the demo send).
 */
export async function reachCounts(
  db: Kysely<Tables>,
  json: JsonDialect,
  releaseId: string,
  goal: string | null,
  by: { kind: 'phase' } | { kind: 'trait'; name: string },
): Promise<ReachRow[]> {
  // By trait: the traits the user had when reached, kept on the exposure (migration 015), so the report
  // reads exposures alone rather than every reached user's whole state.
  const key =
    by.kind === 'phase' ? sql<string>`cast(x.phase as text)` : json.traitText(sql.ref('x.traits'), by.name);
  // The key is computed once in a derived table and grouped by name: PostgreSQL numbers the bound trait
  // name apart in SELECT and GROUP BY and would not match the two expressions.
  const reached = db
    .selectFrom('exposures as x')
    .where('x.release_id', '=', releaseId)
    .select(['x.site_id', 'x.user_key', 'x.holdout', 'x.at', key.as('key')]);
  const users = await db
    .selectFrom(reached.as('r'))
    .select(['r.key', 'r.holdout', sql<number>`count(*)`.as('n')])
    .groupBy(['r.key', 'r.holdout'])
    .execute();
  // From the goal's side: the users who ever sent it (an index range), each looked up among the exposed.
  const converted =
    goal === null
      ? []
      : await db
          .selectFrom('user_goals as g')
          .innerJoin(reached.as('r'), (j) => j.onRef('r.user_key', '=', 'g.user_key'))
          // The release's site, as its exposures name it (one row of the primary key's range).
          .where('g.site_id', '=', (eb) =>
            eb.selectFrom('exposures').select('site_id').where('release_id', '=', releaseId).limit(1),
          )
          .whereRef('g.site_id', '=', 'r.site_id')
          .where('g.name', '=', goal)
          .whereRef('g.last_at', '>=', 'r.at')
          .select(['r.key', 'r.holdout', sql<number>`count(*)`.as('n')])
          .groupBy(['r.key', 'r.holdout'])
          .execute();
  const id = (r: { key: string | null; holdout: number }) =>
    `${Number(r.holdout)}\u0000${r.key ?? ''}\u0000${r.key === null}`;
  const conversions = new Map(converted.map((r) => [id(r), Number(r.n)]));
  return users.map((r) => ({
    key: r.key,
    holdout: Number(r.holdout) === 1,
    users: Number(r.n),
    converted: conversions.get(id(r)) ?? 0,
  }));
}

/**
 * Event counts of a release's messages: what its guardrails and gate look at. `responses` counts users'
 * answers (one per user and message); `verifiedResponses` those from users proved by an identity token.
 */
export type ReleaseActivity = {
  impressions: number;
  dismissals: number;
  responses: number;
  verifiedResponses: number;
  ratingSum: number;
  ratingCount: number;
};

/**
 * Counts of a release's messages' events since a time; with `verifiedOnly`, of verified users' events only.
 * Answers are users' latest (`rollup_users`, by its answer-time index); impressions and dismissals are
 * read by `countsSince`.
 */
export async function releaseActivity(
  db: Kysely<Tables>,
  messageIds: string[],
  since: string,
  verifiedOnly = false,
): Promise<ReleaseActivity> {
  if (messageIds.length === 0) {
    return {
      impressions: 0,
      dismissals: 0,
      responses: 0,
      verifiedResponses: 0,
      ratingSum: 0,
      ratingCount: 0,
    };
  }
  const counts = await countsSince(db, { ids: messageIds }, since, verifiedOnly);
  const total = (type: string) => counts.reduce((n, c) => (c.type === type ? n + c.count : n), 0);
  const answers = await db
    .selectFrom('rollup_users')
    .where('message_id', 'in', messageIds)
    .where('answer_at', '>=', since)
    .$if(verifiedOnly, (q) => q.where('answer_verified', '=', 1))
    .select([
      sql<number>`count(*)`.as('responses'),
      sql<number>`sum(answer_verified)`.as('verified'),
      sql<number>`sum(case when answer_value is not null then answer_value else 0 end)`.as('rating_sum'),
      sql<number>`sum(case when answer_value is not null then 1 else 0 end)`.as('rating_count'),
    ])
    .executeTakeFirst();
  return {
    impressions: total('impression'),
    dismissals: total('dismiss'),
    responses: Number(answers?.responses ?? 0),
    verifiedResponses: Number(answers?.verified ?? 0),
    ratingSum: Number(answers?.rating_sum ?? 0),
    ratingCount: Number(answers?.rating_count ?? 0),
  };
}
