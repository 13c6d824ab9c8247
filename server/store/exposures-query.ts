import { type Kysely, sql } from 'kysely';
import { countedAnswer } from './latest-answer.ts';
import type { JsonDialect } from './results-query.ts';
import type { Tables } from './tables.ts';

/** Exposed or held-out users of a release per group, and how many of them reached the goal after exposure. */
export type ReachRow = { key: string | null; holdout: boolean; users: number; converted: number };

/**
 * Counts a release's reached users per phase (or per trait of theirs) and holdout flag, with how many
 * sent the goal at or after their exposure. The goal is a `track` event of that name (what the widget's
 * `Herald.track(name)` sends) or a `goal` event (what server-side imports and the demo send).
 */
export async function reachCounts(
  db: Kysely<Tables>,
  json: JsonDialect,
  releaseId: string,
  goal: string | null,
  by: { kind: 'phase' } | { kind: 'trait'; name: string },
): Promise<ReachRow[]> {
  const key =
    by.kind === 'phase'
      ? sql<string>`cast(x.phase as text)`
      : sql<
          string | null
        >`(select ${json.traitText(sql.ref('u.state'), by.name)} from user_states u where u.site_id = x.site_id and u.user_key = x.user_key)`;
  const converted =
    goal === null
      ? sql<number>`0`
      : sql<number>`sum(case when exists (select 1 from events e where e.site_id = x.site_id and e.type in ('goal', 'track') and e.name = ${goal} and e.user_key = x.user_key and e.at >= x.at) then 1 else 0 end)`;
  const rows = await db
    .selectFrom('exposures as x')
    .where('x.release_id', '=', releaseId)
    .select([key.as('key'), 'x.holdout', sql<number>`count(*)`.as('users'), converted.as('converted')])
    .groupBy([key, 'x.holdout'])
    .execute();
  return rows.map((r) => ({
    key: r.key,
    holdout: Number(r.holdout) === 1,
    users: Number(r.users),
    converted: Number(r.converted),
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

/** Counts of a release's messages' events since a time; with `verifiedOnly`, of verified users' events only. */
export async function releaseActivity(
  db: Kysely<Tables>,
  messageIds: string[],
  since: string,
  verifiedOnly = false,
): Promise<ReleaseActivity> {
  const empty = {
    impressions: 0,
    dismissals: 0,
    responses: 0,
    verifiedResponses: 0,
    ratingSum: 0,
    ratingCount: 0,
  };
  if (messageIds.length === 0) return empty;
  const of = (type: string) => sql<number>`sum(case when type = ${type} then 1 else 0 end)`;
  const row = await db
    .selectFrom('events as e')
    .where('message_id', 'in', messageIds)
    .where('at', '>=', since)
    .where(countedAnswer('e'))
    .$if(verifiedOnly, (q) => q.where('verified', '=', 1))
    .select([
      of('impression').as('impressions'),
      of('dismiss').as('dismissals'),
      of('response').as('responses'),
      sql<number>`sum(case when type = 'response' and verified = 1 then 1 else 0 end)`.as(
        'verified_responses',
      ),
      sql<number>`sum(case when type = 'response' and value is not null then value else 0 end)`.as(
        'rating_sum',
      ),
      sql<number>`sum(case when type = 'response' and value is not null then 1 else 0 end)`.as(
        'rating_count',
      ),
    ])
    .executeTakeFirst();
  if (row === undefined) return empty;
  return {
    impressions: Number(row.impressions ?? 0),
    dismissals: Number(row.dismissals ?? 0),
    responses: Number(row.responses ?? 0),
    verifiedResponses: Number(row.verified_responses ?? 0),
    ratingSum: Number(row.rating_sum ?? 0),
    ratingCount: Number(row.rating_count ?? 0),
  };
}
