import { type Kysely, sql } from 'kysely';
import { eventGroups, hourOf } from '../core/rollup-groups.ts';
import type { UserState } from '../schema/history.ts';
import { chunks } from './chunks.ts';
import { storeAnswers } from './rollup-answers.ts';
import { RollupTally } from './rollup-tally.ts';
import type { StoredEvent } from './store.ts';
import type { Tables } from './tables.ts';

/** What the rollups read of an event (a stored event, or an events row being rolled up again). */
export type RollupEvent = Pick<
  StoredEvent,
  'id' | 'siteId' | 'type' | 'messageId' | 'name' | 'value' | 'at' | 'userKey' | 'phase' | 'verified'
>;

/** An event counted for its message, with the groups it counts in and its hour. */
export type GroupedEvent = RollupEvent & { messageId: string; groups: string[]; bucket: string };

/** The first view, click and dismissal of a user in a group count it once: `rollup_firsts.kind`. */
const FIRST_KIND: Partial<Record<string, { kind: string; counter: 'viewers' | 'clickers' | 'dismissers' }>> =
  {
    impression: { kind: 'v', counter: 'viewers' },
    click: { kind: 'c', counter: 'clickers' },
    dismiss: { kind: 'd', counter: 'dismissers' },
  };
const COUNTED = new Set(['impression', 'click', 'dismiss', 'response']);

/**
 * Folds newly stored events into the rollups, inside the transaction that stored them, so a result read
 * at any moment agrees with the events committed: counts per message, group and hour; distinct users
 * (a row per user's first view, click, dismissal per group, inserted with "ignore duplicates", so only
 * a truly first one counts, also across instances); each user's latest answer (see `rollup-answers.ts`);
 * and each user's latest goal event. Events must be new (not stored before): callers pass what they inserted.
 *
 * @example await db.transaction().execute(async (trx) => { …insert…; await storeRollups(trx, fresh, options) })
 */
export async function storeRollups(
  trx: Kysely<Tables>,
  events: RollupEvent[],
  options: { lockStateRows: boolean },
): Promise<void> {
  await storeGoals(trx, events);
  const counted = events.filter(
    (e): e is RollupEvent & { messageId: string } => typeof e.messageId === 'string' && COUNTED.has(e.type),
  );
  if (counted.length === 0) return;
  const traits = await traitsOf(trx, counted);
  const grouped: GroupedEvent[] = counted
    .map((e) => ({
      ...e,
      groups: eventGroups(e.phase, traits.get(userId(e.siteId, e.userKey)) ?? {}),
      bucket: hourOf(e.at),
    }))
    // Earliest first: a user's first view in a batch is counted in the hour it happened.
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const tally = new RollupTally();
  for (const e of grouped) tally.countEvent(e);
  await storeFirsts(trx, grouped, tally);
  await storeAnswers(
    trx,
    grouped.filter((e) => e.type === 'response'),
    tally,
    options,
  );
  await tally.write(trx);
}

type First = {
  row: Tables['rollup_firsts'];
  e: GroupedEvent;
  counter: 'viewers' | 'clickers' | 'dismissers';
};

/** Inserts first views, clicks and dismissals; each row that is new adds a distinct user to its group. */
async function storeFirsts(trx: Kysely<Tables>, events: GroupedEvent[], tally: RollupTally): Promise<void> {
  const firsts = new Map<string, First>();
  for (const e of events) {
    const first = FIRST_KIND[e.type];
    if (first === undefined) continue;
    for (const grp of e.groups) {
      const row = { message_id: e.messageId, grp, kind: first.kind, user_key: e.userKey };
      const key = `${row.message_id}\u0000${grp}\u0000${row.kind}\u0000${row.user_key}`;
      if (!firsts.has(key)) firsts.set(key, { row, e, counter: first.counter });
    }
  }
  // In key order, so two instances' flushes take these rows' locks in one order and cannot deadlock.
  const ordered = [...firsts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  for (const chunk of chunks(ordered)) {
    const fresh = await trx
      .insertInto('rollup_firsts')
      .values(chunk.map((f) => f.row))
      .onConflict((oc) => oc.columns(['message_id', 'grp', 'kind', 'user_key']).doNothing())
      .returning(['message_id', 'grp', 'kind', 'user_key'])
      .execute();
    for (const r of fresh) {
      const f = firsts.get(`${r.message_id}\u0000${r.grp}\u0000${r.kind}\u0000${r.user_key}`);
      if (f !== undefined) tally.add(f.e.siteId, f.e.messageId, r.grp, f.e.bucket, f.counter, 1);
    }
  }
}

/** Moves each user's latest goal time per name forward (a release's goal counts from exposure on). */
async function storeGoals(trx: Kysely<Tables>, events: RollupEvent[]): Promise<void> {
  const latest = new Map<string, Tables['user_goals']>();
  for (const e of events) {
    if ((e.type !== 'goal' && e.type !== 'track') || typeof e.name !== 'string') continue;
    const at = new Date(e.at).toISOString();
    const key = `${e.siteId}\u0000${e.userKey}\u0000${e.name}`;
    const known = latest.get(key);
    if (known === undefined || known.last_at < at) {
      latest.set(key, { site_id: e.siteId, user_key: e.userKey, name: e.name, last_at: at });
    }
  }
  const rows = [...latest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  for (const chunk of chunks(rows)) {
    await trx
      .insertInto('user_goals')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['site_id', 'user_key', 'name']).doUpdateSet({
          last_at: sql`case when excluded.last_at > user_goals.last_at then excluded.last_at else user_goals.last_at end`,
        }),
      )
      .execute();
  }
}

const userId = (siteId: string, userKey: string) => `${siteId}\u0000${userKey}`;

/** The traits each user of these events has now (when their events are stored), by site and user key. */
async function traitsOf(
  trx: Kysely<Tables>,
  events: RollupEvent[],
): Promise<Map<string, Record<string, unknown>>> {
  const bySite = new Map<string, Set<string>>();
  for (const e of events) bySite.set(e.siteId, (bySite.get(e.siteId) ?? new Set()).add(e.userKey));
  const traits = new Map<string, Record<string, unknown>>();
  for (const [siteId, keys] of bySite) {
    for (const chunk of chunks([...keys])) {
      const rows = await trx
        .selectFrom('user_states')
        .select(['user_key', 'state'])
        .where('site_id', '=', siteId)
        .where('user_key', 'in', chunk)
        .execute();
      for (const r of rows) {
        traits.set(userId(siteId, r.user_key), (JSON.parse(r.state) as UserState).traits ?? {});
      }
    }
  }
  return traits;
}
