import { type Kysely, type SqlBool, sql } from 'kysely';
import { chunks } from './chunks.ts';
import { insertRows } from './many-rows.ts';
import type { Counter, RollupTally } from './rollup-tally.ts';
import type { GroupedEvent } from './rollups.ts';
import type { Tables } from './tables.ts';
import type { UserStateOptions } from './user-states.ts';

type UserRow = Tables['rollup_users'];

/** What a user's first view, click and dismissal add to each group: a distinct user, once. */
const FIRSTS: Partial<Record<string, { kind: 'v' | 'c' | 'd'; counter: Counter }>> = {
  impression: { kind: 'v', counter: 'viewers' },
  click: { kind: 'c', counter: 'clickers' },
  dismiss: { kind: 'd', counter: 'dismissers' },
};

/** The groups a user was first counted in, per kind: `rollup_users.seen` as JSON. */
type Seen = Record<'v' | 'c' | 'd', string[]>;

/** True when answer `a` comes after `b`: later in time, or at the same time with the greater id. */
export function isLater(a: { at: string; id: string }, b: { at: string; id: string }): boolean {
  return a.at > b.at || (a.at === b.at && a.id > b.id);
}

/**
 * Keeps, per message and user, the groups they were counted in as a viewer, clicker and dismisser (so
 * each is counted once per group) and their latest answer (by time, then id) — the one gates, guardrails,
 * results and reports count, so that answering thirty times weighs as much as answering once. A later
 * answer takes back the one it supersedes (its groups, hour and value, as they were counted) and counts
 * itself; one that arrives after a later one changes nothing. A row is written only when something is
 * new, and read locked (PostgreSQL; a placeholder for a new user) so two instances cannot both count a first.
 */
export async function storeUsers(
  trx: Kysely<Tables>,
  events: GroupedEvent[],
  tally: RollupTally,
  options: UserStateOptions,
): Promise<void> {
  const keys = new Map<string, GroupedEvent>();
  for (const e of events) keys.set(`${e.messageId}\u0000${e.userKey}`, e);
  const ordered = [...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
  const stored = await lockUsers(trx, ordered, options);
  const users = new Map<string, { row: UserRow; seen: Seen; changed: boolean }>();
  for (const e of events) {
    const key = `${e.messageId}\u0000${e.userKey}`;
    let user = users.get(key);
    if (user === undefined) {
      const row = stored.get(key) ?? emptyRow(e);
      user = { row, seen: JSON.parse(row.seen) as Seen, changed: false };
      users.set(key, user);
    }
    const first = FIRSTS[e.type];
    if (first !== undefined) {
      for (const grp of e.groups) {
        if (user.seen[first.kind].includes(grp)) continue;
        user.seen[first.kind].push(grp);
        tally.add(e.siteId, e.messageId, grp, e.bucket, first.counter, 1);
        user.changed = true;
      }
    }
    if (e.type === 'response' && answer(user.row, e, tally)) user.changed = true;
  }
  const rows = [...users]
    .filter(([, u]) => u.changed)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, u]) => ({ ...u.row, seen: JSON.stringify(u.seen) }));
  for (const insert of insertRows(trx, 'rollup_users', rows, options.manyRows)) {
    await insert
      .onConflict((oc) =>
        oc.columns(['message_id', 'user_key']).doUpdateSet((eb) => ({
          seen: eb.ref('excluded.seen'),
          answer_at: eb.ref('excluded.answer_at'),
          answer_id: eb.ref('excluded.answer_id'),
          answer_value: eb.ref('excluded.answer_value'),
          answer_verified: eb.ref('excluded.answer_verified'),
          answer_bucket: eb.ref('excluded.answer_bucket'),
          answer_grps: eb.ref('excluded.answer_grps'),
        })),
      )
      .execute();
  }
}

/** Makes `e` the user's counted answer if it is their latest; true when it is. */
function answer(row: UserRow, e: GroupedEvent, tally: RollupTally): boolean {
  const at = new Date(e.at).toISOString();
  if (row.answer_at !== null && !isLater({ at, id: e.id }, { at: row.answer_at, id: row.answer_id ?? '' })) {
    return false;
  }
  if (row.answer_at !== null) tally.countAnswer(counted(row), -1);
  row.answer_at = at;
  row.answer_id = e.id;
  row.answer_value = e.value ?? null;
  row.answer_verified = e.verified ? 1 : 0;
  row.answer_bucket = e.bucket;
  row.answer_grps = JSON.stringify(e.groups);
  tally.countAnswer(counted(row), 1);
  return true;
}

function counted(row: UserRow) {
  return {
    siteId: row.site_id,
    messageId: row.message_id,
    bucket: row.answer_bucket ?? '',
    groups: JSON.parse(row.answer_grps ?? '[]') as string[],
    value: row.answer_value === null ? null : Number(row.answer_value),
  };
}

function emptyRow(e: GroupedEvent): UserRow {
  return {
    message_id: e.messageId,
    user_key: e.userKey,
    site_id: e.siteId,
    seen: JSON.stringify({ v: [], c: [], d: [] } satisfies Seen),
    answer_at: null,
    answer_id: null,
    answer_value: null,
    answer_verified: 0,
    answer_bucket: null,
    answer_grps: null,
  };
}

/** The stored rows of these users, locked for the transaction on PostgreSQL (see above). */
async function lockUsers(
  trx: Kysely<Tables>,
  events: GroupedEvent[],
  options: UserStateOptions,
): Promise<Map<string, UserRow>> {
  const many = options.manyRows;
  if (options.lockStateRows) {
    for (const insert of insertRows(trx, 'rollup_users', events.map(emptyRow), many)) {
      await insert.onConflict((oc) => oc.columns(['message_id', 'user_key']).doNothing()).execute();
    }
  }
  const stored = new Map<string, UserRow>();
  if (many !== undefined) {
    // Every message's users in one statement, locked in (message, user) order.
    const keys = events.map((e) => ({ message_id: e.messageId, user_key: e.userKey }));
    const found = await trx
      .selectFrom('rollup_users')
      .selectAll()
      .where(
        sql<SqlBool>`(message_id, user_key) in (${many.rowsOf('rollup_users', ['message_id', 'user_key'], keys)})`,
      )
      .$if(options.lockStateRows, (q) => q.orderBy('message_id').orderBy('user_key').forUpdate())
      .execute();
    for (const r of found) stored.set(`${r.message_id}\u0000${r.user_key}`, r);
    return stored;
  }
  const byMessage = new Map<string, string[]>();
  for (const e of events) {
    const keys = byMessage.get(e.messageId);
    if (keys === undefined) byMessage.set(e.messageId, [e.userKey]);
    else keys.push(e.userKey);
  }
  for (const [messageId, keys] of byMessage) {
    for (const chunk of chunks(keys)) {
      const found = await trx
        .selectFrom('rollup_users')
        .selectAll()
        .where('message_id', '=', messageId)
        .where('user_key', 'in', chunk)
        .$if(options.lockStateRows, (q) => q.orderBy('user_key').forUpdate())
        .execute();
      for (const r of found) stored.set(`${r.message_id}\u0000${r.user_key}`, r);
    }
  }
  return stored;
}
