import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { EventType } from '../../server/schema/events.ts';
import { openStore } from '../../server/store/open-store.ts';
import { eventRow } from '../../server/store/rows.ts';
import type { StoredEvent } from '../../server/store/store.ts';
import { perSecond } from './measure.ts';

/**
 * The baselines of the events figures: the same rows inserted into Herald's own `events` table with the
 * drivers alone, durably, in large batches — what the disk and the database allow, measured in the same run.
 */

/** Rows per transaction (SQLite) or per statement (PostgreSQL). */
const RAW_ROWS = 1000;
const RAW_BUDGET_MS = 5000;
const TYPES: EventType[] = ['impression', 'impression', 'click', 'dismiss'];

/** Event `n`: 1,000 users, 20 messages, as the server would store it. */
export function storedEvent(n: number, at: string): StoredEvent {
  const userKey = `u_${n % 1000}`;
  return {
    id: randomUUID(),
    type: TYPES[n % TYPES.length] as EventType,
    messageId: `msg_${n % 20}`,
    at,
    receivedAt: at,
    user: { id: userKey },
    userKey,
    siteId: 'site_1',
    interrupting: n % 2 === 0,
    phase: null,
    verified: false,
  };
}

/** Rows of `RAW_ROWS` events, as `eventRow` maps them, made before the clock starts. */
function rawBatches(count: number): ReturnType<typeof eventRow>[][] {
  const at = new Date().toISOString();
  return Array.from({ length: count }, (_, b) =>
    Array.from({ length: RAW_ROWS }, (_, i) => eventRow(storedEvent(b * RAW_ROWS + i, at))),
  );
}

/** Runs `insert(batch)` over batches until they run out or the budget is spent; rows per second. */
async function rawRate(insert: (rows: ReturnType<typeof eventRow>[]) => unknown): Promise<number> {
  const batches = rawBatches(200);
  const started = performance.now();
  let rows = 0;
  for (const batch of batches) {
    await insert(batch);
    rows += batch.length;
    if (performance.now() - started > RAW_BUDGET_MS) break;
  }
  return perSecond(rows, performance.now() - started);
}

/** better-sqlite3 on Herald's own table: WAL, synchronous = FULL, 1,000-row transactions. */
export async function rawSqlite(file: string): Promise<number> {
  await (await openStore(`sqlite:${file}`)).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const columns = Object.keys(eventRow(storedEvent(0, new Date().toISOString())));
  const insert = db.prepare(
    `insert into events (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')}) on conflict (id) do nothing`,
  );
  const many = db.transaction((rows: object[]) => {
    for (const row of rows) insert.run(row);
  });
  const rate = await rawRate((rows) => many(rows));
  db.close();
  return rate;
}

/** pg on Herald's own table: one multi-row INSERT of 1,000 rows per statement (its own transaction). */
export async function rawPostgres(url: string): Promise<number> {
  await (await openStore(url)).close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const columns = Object.keys(eventRow(storedEvent(0, new Date().toISOString())));
  const rate = await rawRate(async (rows) => {
    const values = rows.map(
      (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
    );
    const params = rows.flatMap((row) => columns.map((c) => row[c as keyof typeof row]));
    await client.query(
      `insert into events (${columns.join(', ')}) values ${values.join(', ')} on conflict (id) do nothing`,
      params,
    );
  });
  await client.end();
  return rate;
}
