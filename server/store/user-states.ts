import type { Kysely } from 'kysely';
import { emptyUserState } from '../core/history.ts';
import { applyUserChanges, type UserChange } from '../core/user-state.ts';
import { StoredUserState, type UserState } from '../schema/history.ts';
import { insertRows, isIn, keyLists, type ManyRows } from './many-rows.ts';
import type { ExposuresTable, Tables } from './tables.ts';

export type UserStateOptions = {
  /** Lock the user state rows read (PostgreSQL `FOR UPDATE`); SQLite already serialises writers. */
  lockStateRows: boolean;
  /** How the engine hands a statement many rows; without it, 500 rows a statement. */
  manyRows?: ManyRows;
};

/** One user's changes of one write: applied in order by `applyUserChange`. */
export type UserChanges = Map<string, UserChange[]>;

/**
 * Items (events, decide writes) as each site's users' changes, in the order given, sites in order: the
 * order every writer takes them in, so two instances' transactions cannot deadlock.
 */
export function changesBySite<T extends { siteId: string; userKey: string }>(
  items: T[],
  toChange: (item: T) => UserChange,
): [string, UserChanges][] {
  const sites = new Map<string, UserChanges>();
  for (const item of items) {
    const users = sites.get(item.siteId) ?? new Map<string, UserChange[]>();
    sites.set(item.siteId, users);
    const list = users.get(item.userKey);
    if (list === undefined) users.set(item.userKey, [toChange(item)]);
    else list.push(toChange(item));
  }
  return [...sites].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The one write path of users' states, inside the caller's transaction: reads the states of every user in
 * `changes` at once (rows locked, in key order, where the engine needs it), applies the pure transitions,
 * writes each changed user once, and records the exposures that are new in a state as rows of the
 * `exposures` table in the same transaction, so the report's rows and the sticky state never disagree.
 *
 * @example await changeUserStates(trx, options, siteId, new Map([[userKey, [{ kind: 'traits', traits, at }]]]))
 */
export async function changeUserStates(
  trx: Kysely<Tables>,
  options: UserStateOptions,
  siteId: string,
  changes: UserChanges,
): Promise<void> {
  if (changes.size === 0) return;
  const stored = await readStates(trx, siteId, [...changes.keys()], options);
  const rows: { site_id: string; user_key: string; state: string }[] = [];
  const exposed: ExposuresTable[] = [];
  // In key order, like the locks: rows another instance is inserting (exposures) are then waited on in one order.
  for (const [userKey, list] of [...changes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const before = stored.get(userKey);
    const state = applyUserChanges(before?.state ?? emptyUserState(), list);
    const text = JSON.stringify(state);
    // An upgraded old row serialises differently, so it is written once in today's shape.
    if (before !== undefined && text === before.text) continue;
    rows.push({ site_id: siteId, user_key: userKey, state: text });
    exposed.push(...newExposures(siteId, userKey, before?.state, state));
  }
  for (const insert of insertRows(trx, 'exposures', exposed, options.manyRows)) {
    await insert.onConflict((oc) => oc.columns(['release_id', 'user_key']).doNothing()).execute();
  }
  for (const insert of insertRows(trx, 'user_states', rows, options.manyRows)) {
    await insert
      .onConflict((oc) =>
        oc.columns(['site_id', 'user_key']).doUpdateSet((eb) => ({ state: eb.ref('excluded.state') })),
      )
      .execute();
  }
}

/**
 * A stored state, parsed: rows written by older versions are upgraded to today's shape (see
 * `StoredUserState`); a row that is not a user state at all is a bug and throws.
 */
export function parseUserState(text: string): UserState {
  return StoredUserState.parse(JSON.parse(text));
}

/**
 * The report rows of exposures `after` has and `before` had not, each with the user's traits as they are
 * in `after` (a decide's new traits and its exposures are one write): a report by trait groups by them.
 */
function newExposures(
  siteId: string,
  userKey: string,
  before: UserState | undefined,
  after: UserState,
): ExposuresTable[] {
  return Object.entries(after.exposures ?? {})
    .filter(([releaseId]) => before?.exposures?.[releaseId] === undefined)
    .map(([releaseId, x]) => ({
      release_id: releaseId,
      user_key: userKey,
      site_id: siteId,
      phase: x.phase,
      holdout: x.holdout ? 1 : 0,
      at: x.at,
      traits: JSON.stringify(after.traits ?? {}),
    }));
}

/**
 * The stored states of `keys` with their text, locked for the transaction when `lockStateRows`. A lock
 * needs a row: a user without one gets an empty placeholder first, so a second instance writing the same
 * new user waits instead of also starting from nothing and erasing this write. Placeholders are not
 * returned (the user is new). Keys are locked in order so concurrent writers cannot deadlock.
 */
async function readStates(
  trx: Kysely<Tables>,
  siteId: string,
  keys: string[],
  options: UserStateOptions,
): Promise<Map<string, { state: UserState; text: string }>> {
  const sorted = [...keys].sort();
  const created = new Set<string>();
  if (options.lockStateRows) {
    const empty = JSON.stringify(emptyUserState());
    const placeholders = sorted.map((key) => ({ site_id: siteId, user_key: key, state: empty }));
    for (const insert of insertRows(trx, 'user_states', placeholders, options.manyRows)) {
      const rows = await insert
        .onConflict((oc) => oc.columns(['site_id', 'user_key']).doNothing())
        .returning('user_key')
        .execute();
      for (const row of rows) created.add(row.user_key);
    }
  }
  const states = new Map<string, { state: UserState; text: string }>();
  for (const row of await stateRows(trx, siteId, sorted, options.lockStateRows, options.manyRows)) {
    if (!created.has(row.user_key))
      states.set(row.user_key, { state: parseUserState(row.state), text: row.state });
  }
  return states;
}

/**
 * The stored state rows of these users of a site (none for a user without one), read 500 keys a
 * statement (all at once with `many`); `lock` locks them for the transaction, in key order.
 */
export async function stateRows(
  db: Kysely<Tables>,
  siteId: string,
  keys: string[],
  lock = false,
  many?: ManyRows,
): Promise<{ user_key: string; state: string }[]> {
  const rows: { user_key: string; state: string }[] = [];
  for (const list of keyLists(keys, many)) {
    const read = db
      .selectFrom('user_states')
      .select(['user_key', 'state'])
      .where('site_id', '=', siteId)
      .where(isIn('user_key', list, many))
      .$if(lock, (q) => q.orderBy('user_key').forUpdate());
    rows.push(...(await read.execute()));
  }
  return rows;
}
