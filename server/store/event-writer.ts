import type { Kysely } from 'kysely';
import { applyEvent, emptyUserState } from '../core/history.ts';
import type { UserState } from '../schema/history.ts';
import { storeRollups } from './rollups.ts';
import { eventRow } from './rows.ts';
import type { InsertResult, StoredEvent } from './store.ts';
import type { Tables } from './tables.ts';

/** Rows per statement: keeps bound parameters under SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

export type EventWriterOptions = {
  /** Lock the user state rows read (PostgreSQL `FOR UPDATE`); SQLite already serialises writers. */
  lockStateRows: boolean;
};

/**
 * One group commit's work, to run inside its transaction: stores the events of every caller, ignoring ids
 * stored before or already taken by an earlier caller of the same flush, then folds the new events into
 * each user's state in `at` order. Returns each caller's own counts. Portable Kysely, shared by the stores.
 */
export async function writeEvents(
  trx: Kysely<Tables>,
  batches: StoredEvent[][],
  options: EventWriterOptions,
): Promise<InsertResult[]> {
  const seen = new Set<string>();
  const candidates = batches.map((events) =>
    events.filter((e) => {
      if (seen.has(e.id)) return false;
      seen.add(e.id);
      return true;
    }),
  );
  const fresh = await insertNew(trx, candidates.flat());
  const results = batches.map((events, i) => {
    const accepted = (candidates[i] ?? []).filter((e) => fresh.has(e.id)).length;
    return { accepted, duplicates: events.length - accepted };
  });
  const stored = candidates.flat().filter((e) => fresh.has(e.id));
  await storeRollups(trx, stored, options);
  // Sites in order, like every lock below, so two instances' flushes cannot deadlock.
  const sites = [...groupByUser(stored)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [siteId, byUser] of sites) {
    await foldIntoStates(trx, siteId, byUser, options);
  }
  return results;
}

/** Inserts with "ignore duplicates"; returns the ids that were new. */
async function insertNew(trx: Kysely<Tables>, events: StoredEvent[]): Promise<Set<string>> {
  const fresh = new Set<string>();
  // In id order: a flush waits on ids another instance is inserting, so all must take them in one order.
  const ordered = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const chunk of chunks(ordered)) {
    const rows = await trx
      .insertInto('events')
      .values(chunk.map(eventRow))
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    for (const row of rows) fresh.add(row.id);
  }
  return fresh;
}

async function foldIntoStates(
  trx: Kysely<Tables>,
  siteId: string,
  byUser: Map<string, StoredEvent[]>,
  options: EventWriterOptions,
): Promise<void> {
  const states = await readStates(trx, siteId, [...byUser.keys()], options);
  const updated = [...byUser].map(([userKey, events]) => {
    const ordered = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const state = ordered.reduce(
      (s, e) => applyEvent(s, e, e.interrupting),
      states.get(userKey) ?? emptyUserState(),
    );
    return { site_id: siteId, user_key: userKey, state: JSON.stringify(state) };
  });
  await writeStates(trx, updated);
}

/** Stores users' states, replacing what was there; a statement per `CHUNK` rows. */
export async function writeStates(
  trx: Kysely<Tables>,
  rows: { site_id: string; user_key: string; state: string }[],
): Promise<void> {
  for (const chunk of chunks(rows)) {
    await trx
      .insertInto('user_states')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['site_id', 'user_key']).doUpdateSet((eb) => ({ state: eb.ref('excluded.state') })),
      )
      .execute();
  }
}

/**
 * The stored states of `keys`, locked for the transaction when `lockStateRows`. A lock needs a row: a user
 * without one gets an empty placeholder first, so a second instance writing the same new user waits instead
 * of also starting from nothing and erasing this write. Placeholders are not returned (the user is new).
 * Keys are locked in order so concurrent flushes cannot deadlock.
 */
export async function readStates(
  trx: Kysely<Tables>,
  siteId: string,
  keys: string[],
  options: EventWriterOptions,
): Promise<Map<string, UserState>> {
  const sorted = [...keys].sort();
  const created = new Set<string>();
  if (options.lockStateRows) {
    const empty = JSON.stringify(emptyUserState());
    for (const chunk of chunks(sorted)) {
      const rows = await trx
        .insertInto('user_states')
        .values(chunk.map((key) => ({ site_id: siteId, user_key: key, state: empty })))
        .onConflict((oc) => oc.columns(['site_id', 'user_key']).doNothing())
        .returning('user_key')
        .execute();
      for (const row of rows) created.add(row.user_key);
    }
  }
  const states = new Map<string, UserState>();
  for (const chunk of chunks(sorted)) {
    const rows = await trx
      .selectFrom('user_states')
      .select(['user_key', 'state'])
      .where('site_id', '=', siteId)
      .where('user_key', 'in', chunk)
      .$if(options.lockStateRows, (q) => q.orderBy('user_key').forUpdate())
      .execute();
    for (const row of rows) {
      if (!created.has(row.user_key)) states.set(row.user_key, JSON.parse(row.state) as UserState);
    }
  }
  return states;
}

function groupByUser(events: StoredEvent[]): Map<string, Map<string, StoredEvent[]>> {
  const sites = new Map<string, Map<string, StoredEvent[]>>();
  for (const e of events) {
    const users = sites.get(e.siteId) ?? new Map<string, StoredEvent[]>();
    sites.set(e.siteId, users);
    const list = users.get(e.userKey);
    if (list === undefined) users.set(e.userKey, [e]);
    else list.push(e);
  }
  return sites;
}

/** `items` in runs of `CHUNK`, one statement each. */
export function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
