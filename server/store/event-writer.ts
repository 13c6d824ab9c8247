import type { Kysely } from 'kysely';
import { changesState, type UserChange } from '../core/user-state.ts';
import { insertRows } from './many-rows.ts';
import { eventRow } from './rows.ts';
import type { InsertResult, StoredEvent } from './store.ts';
import type { Tables } from './tables.ts';
import { changesBySite, changeUserStates, type UserStateOptions } from './user-states.ts';

/**
 * Work that must commit with the events it counts (rollups, say): called once per flush, inside its
 * transaction, with the events newly stored (duplicates left out), before users' states are written.
 */
export type AfterEventsStored = (trx: Kysely<Tables>, stored: StoredEvent[]) => Promise<void>;

export type EventWriterOptions = UserStateOptions & {
  /** Run in every flush's transaction after the events are inserted, in order. */
  afterEventsStored?: readonly AfterEventsStored[];
  /**
   * How the engine appends events inside the flush's transaction, answering the ids that were new; by
   * default multi-row `insert … on conflict do nothing` statements (PostgreSQL, D1).
   */
  appendEvents?: (events: StoredEvent[]) => Promise<Set<string>>;
};

/**
 * One group commit's work, to run inside its transaction: appends the events of every caller (multi-row
 * inserts that ignore ids stored before or taken by an earlier caller of the same flush), runs the
 * `afterEventsStored` hooks, then derives what decide needs from the new events through the users' one
 * write path: one read of the affected users' states and one write per user for the whole flush, not a
 * rewrite per event. Returns each caller's own counts. Portable Kysely, shared by the stores.
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
  const append = options.appendEvents ?? ((list) => insertNew(trx, list, options));
  const fresh = await append(candidates.flat());
  const results = batches.map((events, i) => {
    const accepted = (candidates[i] ?? []).filter((e) => fresh.has(e.id)).length;
    return { accepted, duplicates: events.length - accepted };
  });
  const stored = candidates.flat().filter((e) => fresh.has(e.id));
  for (const hook of options.afterEventsStored ?? []) await hook(trx, stored);
  // Folded in `at` order: the fold commutes, but a state built in time order reads naturally.
  const ordered = stored.filter(changesState).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const sites = changesBySite(
    ordered,
    (e): UserChange => ({ kind: 'event', event: e, interrupting: e.interrupting }),
  );
  for (const [siteId, changes] of sites) await changeUserStates(trx, options, siteId, changes);
  return results;
}

/** Inserts with "ignore duplicates" (see `insertRows`); returns the ids that were new. */
async function insertNew(
  trx: Kysely<Tables>,
  events: StoredEvent[],
  options: UserStateOptions,
): Promise<Set<string>> {
  const fresh = new Set<string>();
  // In id order: a flush waits on ids another instance is inserting, so all must take them in one order.
  const ordered = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const insert of insertRows(trx, 'events', ordered.map(eventRow), options.manyRows)) {
    const rows = await insert
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    for (const row of rows) fresh.add(row.id);
  }
  return fresh;
}
