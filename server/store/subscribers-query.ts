import type { Kysely } from 'kysely';
import type { SubscriberStore } from './store.ts';
import type { Tables } from './tables.ts';

/**
 * The changelog digest's subscribers and digest runs in portable Kysely.
 *
 * @example const store = { ...documents, ...subscriberQueries(db) }
 */
export function subscriberQueries(db: Kysely<Tables>): SubscriberStore {
  return {
    async subscribe(s) {
      return db.transaction().execute(async (trx) => {
        const found = await trx
          .selectFrom('subscribers')
          .select(['id', 'status'])
          .where('site_id', '=', s.siteId)
          .where('email', '=', s.email)
          .executeTakeFirst();
        if (found?.status === 'confirmed') return 'confirmed';
        if (found !== undefined) {
          // A new request replaces the old link: only the latest mail confirms.
          await trx
            .updateTable('subscribers')
            .set({ confirm_hash: s.confirmHash, created_at: s.at })
            .where('id', '=', found.id)
            .execute();
          return 'pending';
        }
        await trx
          .insertInto('subscribers')
          .values({
            id: s.id,
            site_id: s.siteId,
            email: s.email,
            status: 'pending',
            confirm_hash: s.confirmHash,
            created_at: s.at,
            confirmed_at: null,
            digest_since: null,
          })
          .execute();
        return 'created';
      });
    },
    async confirmSubscriber(siteId, confirmHash, requestedAfter, now) {
      const row = await db
        .selectFrom('subscribers')
        .select(['id', 'email'])
        .where('site_id', '=', siteId)
        .where('confirm_hash', '=', confirmHash)
        .where('status', '=', 'pending')
        .where('created_at', '>', requestedAfter)
        .executeTakeFirst();
      if (row === undefined) return null;
      await db
        .updateTable('subscribers')
        .set({ status: 'confirmed', confirm_hash: null, confirmed_at: now, digest_since: now })
        .where('id', '=', row.id)
        .execute();
      return { id: row.id, email: row.email, digestSince: now };
    },
    async forgetUnconfirmed(before) {
      const { numDeletedRows } = await db
        .deleteFrom('subscribers')
        .where('status', '=', 'pending')
        .where('created_at', '<', before)
        .executeTakeFirst();
      return Number(numDeletedRows);
    },
    async unsubscribe(siteId, id) {
      const { numDeletedRows } = await db
        .deleteFrom('subscribers')
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .executeTakeFirst();
      return numDeletedRows > 0n;
    },
    async confirmedSubscribers(siteId) {
      const rows = await db
        .selectFrom('subscribers')
        .select(['id', 'email', 'digest_since'])
        .where('site_id', '=', siteId)
        .where('status', '=', 'confirmed')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ id: r.id, email: r.email, digestSince: r.digest_since ?? '' }));
    },
    async markDigestSent(id, at) {
      await db.updateTable('subscribers').set({ digest_since: at }).where('id', '=', id).execute();
    },
    async countSubscribers(siteId) {
      const rows = await db
        .selectFrom('subscribers')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('site_id', '=', siteId)
        .groupBy('status')
        .execute();
      const n = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
      return { pending: n('pending'), confirmed: n('confirmed') };
    },
    async lastDigestRun(siteId) {
      const row = await db
        .selectFrom('digest_runs')
        .select('ran_at')
        .where('site_id', '=', siteId)
        .executeTakeFirst();
      return row?.ran_at ?? null;
    },
    async claimDigestRun(siteId, previous, now) {
      // A conditional write: of several instances that saw the same `previous`, exactly one succeeds.
      if (previous === null) {
        const { numInsertedOrUpdatedRows } = await db
          .insertInto('digest_runs')
          .values({ site_id: siteId, ran_at: now })
          .onConflict((oc) => oc.column('site_id').doNothing())
          .executeTakeFirst();
        return (numInsertedOrUpdatedRows ?? 0n) > 0n;
      }
      const { numUpdatedRows } = await db
        .updateTable('digest_runs')
        .set({ ran_at: now })
        .where('site_id', '=', siteId)
        .where('ran_at', '=', previous)
        .executeTakeFirst();
      return numUpdatedRows > 0n;
    },
  };
}
