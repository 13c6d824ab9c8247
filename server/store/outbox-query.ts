import type { Kysely, Transaction } from 'kysely';
import type { NewNotice, Notice, NoticeOutcome } from './store.ts';
import type { Tables } from './tables.ts';

/** Queues notices; called inside the transaction that writes what they announce. */
export async function queueNotices(trx: Transaction<Tables>, notices: NewNotice[]): Promise<void> {
  if (notices.length === 0) return;
  await trx
    .insertInto('outbox')
    .values(
      notices.map((n) => ({
        id: n.id,
        url: n.url,
        payload: JSON.stringify(n.payload),
        created_at: n.createdAt,
        seq: n.seq,
        status: 'pending',
        attempts: 0,
        next_attempt_at: n.createdAt,
        claimed_until: null,
        last_error: null,
      })),
    )
    .execute();
}

/** Every pending notice in delivery order: per URL by creation, then `seq`. */
export async function pendingNotices(db: Kysely<Tables>): Promise<Notice[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'url', 'payload', 'attempts', 'next_attempt_at', 'claimed_until'])
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('seq')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    payload: r.payload,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    claimedUntil: r.claimed_until,
  }));
}

/**
 * Takes a notice for one delivery attempt until `until`, unless another deliverer holds it: a conditional
 * update, so two instances never post the same notice at once.
 */
export async function claimNotice(
  db: Kysely<Tables>,
  id: string,
  now: string,
  until: string,
): Promise<boolean> {
  const { numUpdatedRows } = await db
    .updateTable('outbox')
    .set((eb) => ({ claimed_until: until, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}

/** Records an attempt's outcome: a delivered notice is gone; a failed one waits for `retryAt` or gives up. */
export async function settleNotice(db: Kysely<Tables>, id: string, outcome: NoticeOutcome): Promise<void> {
  if (outcome.delivered) {
    await db.deleteFrom('outbox').where('id', '=', id).execute();
    return;
  }
  await db
    .updateTable('outbox')
    .set({
      claimed_until: null,
      last_error: outcome.error.slice(0, 500),
      ...(outcome.retryAt === null ? { status: 'failed' } : { next_attempt_at: outcome.retryAt }),
    })
    .where('id', '=', id)
    .execute();
}
