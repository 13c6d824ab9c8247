import type { Kysely } from 'kysely';
import { applyEvent, emptyUserState } from '../core/history.ts';
import type { UserState } from '../schema/history.ts';
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
  for (const [siteId, byUser] of groupByUser(stored)) {
    await foldIntoStates(trx, siteId, byUser, options);
  }
  return results;
}

/** Inserts with "ignore duplicates"; returns the ids that were new. */
async function insertNew(trx: Kysely<Tables>, events: StoredEvent[]): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (const chunk of chunks(events)) {
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
  const states = new Map<string, UserState>();
  for (const keys of chunks([...byUser.keys()])) {
    const rows = await trx
      .selectFrom('user_states')
      .select(['user_key', 'state'])
      .where('site_id', '=', siteId)
      .where('user_key', 'in', keys)
      .$if(options.lockStateRows, (q) => q.forUpdate())
      .execute();
    for (const row of rows) states.set(row.user_key, JSON.parse(row.state) as UserState);
  }
  const updated = [...byUser].map(([userKey, events]) => {
    const ordered = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const state = ordered.reduce(
      (s, e) => applyEvent(s, e, e.interrupting),
      states.get(userKey) ?? emptyUserState(),
    );
    return { site_id: siteId, user_key: userKey, state: JSON.stringify(state) };
  });
  for (const chunk of chunks(updated)) {
    await trx
      .insertInto('user_states')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['site_id', 'user_key']).doUpdateSet((eb) => ({ state: eb.ref('excluded.state') })),
      )
      .execute();
  }
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

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
