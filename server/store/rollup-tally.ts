import { type Kysely, sql } from 'kysely';
import { insertRows, type ManyRows } from './many-rows.ts';
import { COUNTERS_008 } from './migrations/008-rollups.ts';
import type { RollupCountsTable, Tables } from './tables.ts';

/** The counters of a `rollup_counts` row. */
export type Counter = Exclude<keyof RollupCountsTable, 'message_id' | 'grp' | 'bucket' | 'site_id'>;

/** Every counter, in column order: those migration 008 created, then `answers` (011). */
export const COUNTERS: Counter[] = [...COUNTERS_008, 'answers'];

/** What an event adds to every group it counts in, by type (`responses` counts through the latest answer). */
const EVENT_COUNTERS: Partial<Record<string, { all: Counter; verified?: Counter }>> = {
  impression: { all: 'impressions', verified: 'verified_impressions' },
  click: { all: 'clicks' },
  dismiss: { all: 'dismissals', verified: 'verified_dismissals' },
  response: { all: 'answers' },
};

/** An answer as the rollups count it: in its groups and hour, under its value. */
export type CountedAnswer = {
  siteId: string;
  messageId: string;
  bucket: string;
  groups: string[];
  value: number | null;
};

const sep = '\u0000';

/**
 * One flush's changes to the rollup counters, summed in memory and then written with one upsert per row
 * ("add to what is there"), in key order so that concurrent flushes lock rows in one order.
 */
export class RollupTally {
  private readonly counts = new Map<string, RollupCountsTable>();
  private readonly values = new Map<string, Tables['rollup_values']>();

  /** Adds `by` to one counter of one (message, group, hour). */
  add(siteId: string, messageId: string, grp: string, bucket: string, counter: Counter, by: number): void {
    const key = [messageId, grp, bucket].join(sep);
    let row = this.counts.get(key);
    if (row === undefined) {
      row = { message_id: messageId, grp, bucket, site_id: siteId, ...zeros() };
      this.counts.set(key, row);
    }
    row[counter] += by;
  }

  /** Counts an impression, click or dismissal in each of its groups. */
  countEvent(e: {
    siteId: string;
    messageId: string;
    type: string;
    verified: boolean;
    groups: string[];
    bucket: string;
  }): void {
    const counters = EVENT_COUNTERS[e.type];
    if (counters === undefined) return;
    for (const grp of e.groups) {
      this.add(e.siteId, e.messageId, grp, e.bucket, counters.all, 1);
      if (e.verified && counters.verified)
        this.add(e.siteId, e.messageId, grp, e.bucket, counters.verified, 1);
    }
  }

  /** Counts a user's latest answer (`sign` 1), or takes back the one a later answer superseded (`sign` -1). */
  countAnswer(a: CountedAnswer, sign: 1 | -1): void {
    for (const grp of a.groups) {
      this.add(a.siteId, a.messageId, grp, a.bucket, 'responses', sign);
      if (a.value === null) continue;
      const key = [a.messageId, grp, a.value].join(sep);
      const row = this.values.get(key) ?? {
        message_id: a.messageId,
        grp,
        value: a.value,
        site_id: a.siteId,
        n: 0,
      };
      row.n += sign;
      this.values.set(key, row);
    }
  }

  /** Writes every change, adding to the stored counters. */
  async write(trx: Kysely<Tables>, options: { manyRows?: ManyRows }): Promise<void> {
    const add = (table: string, column: string) =>
      sql<number>`${sql.ref(`${table}.${column}`)} + ${sql.ref(`excluded.${column}`)}`;
    for (const insert of insertRows(trx, 'rollup_counts', inKeyOrder(this.counts), options.manyRows)) {
      await insert
        .onConflict((oc) =>
          oc
            .columns(['message_id', 'grp', 'bucket'])
            .doUpdateSet(Object.fromEntries(COUNTERS.map((c) => [c, add('rollup_counts', c)]))),
        )
        .execute();
    }
    for (const insert of insertRows(trx, 'rollup_values', inKeyOrder(this.values), options.manyRows)) {
      await insert
        .onConflict((oc) =>
          oc.columns(['message_id', 'grp', 'value']).doUpdateSet({ n: add('rollup_values', 'n') }),
        )
        .execute();
    }
  }
}

function zeros(): Record<Counter, number> {
  return Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<Counter, number>;
}

function inKeyOrder<T>(rows: Map<string, T>): T[] {
  return [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}
