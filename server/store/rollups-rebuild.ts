import type { Kysely } from 'kysely';
import { type RollupEvent, storeRollups } from './rollups.ts';
import type { Tables } from './tables.ts';

/** Events read per step of a rebuild. */
const PAGE = 2000;

/**
 * Computes the rollups of one site (or of every site, `null`) again from its stored events, inside the
 * caller's transaction: after events were deleted (a message, the demo's simulated users), and once for
 * databases that stored events before rollups existed. Groups by trait use the traits users have now.
 *
 * @example await db.transaction().execute((trx) => rebuildRollups(trx, site.id, options))
 */
export async function rebuildRollups(
  db: Kysely<Tables>,
  siteId: string | null,
  options: { lockStateRows: boolean },
): Promise<void> {
  await forgetRollups(db, siteId);
  for (let after = ''; ; ) {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'site_id', 'type', 'message_id', 'name', 'value', 'at', 'user_key', 'phase', 'verified'])
      .$if(siteId !== null, (q) => q.where('site_id', '=', siteId ?? ''))
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.id ?? after;
    const events: RollupEvent[] = rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      type: r.type as RollupEvent['type'],
      messageId: r.message_id ?? undefined,
      name: r.name ?? undefined,
      value: r.value === null ? undefined : Number(r.value),
      at: r.at,
      userKey: r.user_key,
      phase: r.phase,
      verified: Number(r.verified) === 1,
    }));
    await storeRollups(db, events, options);
  }
}

/** Deletes the rollups of a message's events (it is being deleted with them). */
export async function forgetMessageRollups(db: Kysely<Tables>, messageId: string): Promise<void> {
  for (const table of ['rollup_users', 'rollup_values', 'rollup_counts'] as const) {
    await db.deleteFrom(table).where('message_id', '=', messageId).execute();
  }
}

async function forgetRollups(db: Kysely<Tables>, siteId: string | null): Promise<void> {
  for (const table of ['rollup_users', 'rollup_values', 'rollup_counts', 'user_goals'] as const) {
    await db
      .deleteFrom(table)
      .$if(siteId !== null, (q) => q.where('site_id', '=', siteId ?? ''))
      .execute();
  }
}
