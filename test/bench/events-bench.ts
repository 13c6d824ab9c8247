import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { randomId } from '../../server/http/ids.ts';
import { signReceipt } from '../../server/http/receipts.ts';
import type { EventType } from '../../server/schema/events.ts';
import { seedDemo } from '../../server/seed/demo.ts';
import { DEMO_KEY } from '../../server/seed/demo-content.ts';
import { eventRow } from '../../server/store/rows.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import type { StoredEvent } from '../../server/store/store.ts';
import { testApp } from '../support/test-app.ts';
import { fmt, type PoolResult, percentile, perSecond, printTable, runPool, timeLoop } from './measure.ts';

const BATCH = 10;
const TOTAL = 20_000;
const BUDGET_MS = 5000;
const TYPES: EventType[] = ['impression', 'impression', 'click', 'dismiss'];

/** Event `n` of a run: 1,000 users, 20 messages, so every batch folds into several users' states. */
function storedEvent(n: number, at: string): StoredEvent {
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

async function openFile(dir: string, name: string) {
  const store = await openSqliteStore(join(dir, name));
  await store.migrate();
  return store;
}

/** C clients, each awaiting `insertEvents` of a batch before sending the next. */
async function groupCommitRun(dir: string, concurrency: number): Promise<PoolResult> {
  const store = await openFile(dir, `group-c${concurrency}.db`);
  const at = new Date().toISOString();
  const result = await runPool(concurrency, TOTAL / BATCH, BUDGET_MS, async (call) => {
    const events = Array.from({ length: BATCH }, (_, i) => storedEvent(call * BATCH + i, at));
    return (await store.insertEvents(events)).accepted;
  });
  const stored = await store.countEvents();
  if (stored !== result.items) throw new Error(`stored ${stored} events, acknowledged ${result.items}`);
  await store.close();
  return result;
}

/** Baseline: one row per transaction with better-sqlite3 directly, synchronous = FULL: one fsync per event. */
async function singleRowRun(dir: string, name: string) {
  const file = join(dir, `single-row-${name}.db`);
  await (await openFile(dir, `single-row-${name}.db`)).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const columns = Object.keys(eventRow(storedEvent(0, new Date().toISOString())));
  const insert = db.prepare(
    `insert into events (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')}) on conflict (id) do nothing`,
  );
  const insertOne = db.transaction((row: object) => insert.run(row));
  const at = new Date().toISOString();
  const result = timeLoop((n) => insertOne(eventRow(storedEvent(n, at))), TOTAL, BUDGET_MS, {
    warmup: 0,
    every: 1,
  });
  db.close();
  return result;
}

/**
 * End to end: `POST /v1/events` through the in-process app (the tests' `testApp`) on the demo site, 32 in
 * flight, naming either the messages attached to the demo release or the others: a batch on a release
 * message also runs the release's guardrail check.
 */
async function appRun(onRelease: boolean): Promise<PoolResult> {
  const t = await testApp();
  await seedDemo(t.store, randomId, t.clock.now);
  const site = (await t.store.listSites())[0];
  const messages = (await t.store.liveMessages(site?.id ?? ''))
    .filter((m) => (m.releaseId !== null) === onRelease)
    .map((m) => m.id);
  const at = t.clock.now.toISOString();
  // Receipts as decide would sign them, made up front: the run measures checking them, not making them.
  const receipt = (n: number) =>
    signReceipt(site?.secret ?? '', {
      siteId: site?.id ?? '',
      userKey: `u_${n % 1000}`,
      messageId: messages[n % messages.length] ?? '',
      issuedAt: t.clock.now.getTime(),
      verified: false,
    });
  const receipts = await Promise.all(Array.from({ length: 1000 * messages.length }, (_, n) => receipt(n)));
  const result = await runPool(32, TOTAL / BATCH, BUDGET_MS, async (call) => {
    const events = Array.from({ length: BATCH }, (_, i) => {
      const n = (call * BATCH + i) % receipts.length;
      const messageId = messages[n % messages.length];
      const user = { id: `u_${n % 1000}` };
      return { id: randomUUID(), type: 'impression', messageId, at, user, receipt: receipts[n] };
    });
    const res = await t.post('/v1/events', { site: DEMO_KEY, events });
    if (res.status !== 200)
      throw new Error(`POST /v1/events answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.accepted as number;
  });
  await t.close();
  return result;
}

/**
 * Events per second stored with durable acknowledgement (WAL, synchronous = FULL): the store's group commit
 * at 1, 16 and 64 concurrent clients, against one-row-per-transaction inserts measured in the same run.
 */
export async function benchEvents(dir: string): Promise<void> {
  // The baseline runs before and after, since the shared disk's fsync time drifts; ratios use their mean.
  const before = await singleRowRun(dir, 'before');
  const rows: string[][] = [];
  const runs: [string, number, PoolResult][] = [];
  for (const concurrency of [1, 16, 64]) {
    runs.push([`store.insertEvents, batch ${BATCH}`, concurrency, await groupCommitRun(dir, concurrency)]);
  }
  runs.push([`POST /v1/events, batch ${BATCH}, plain messages`, 32, await appRun(false)]);
  runs.push([`POST /v1/events, batch ${BATCH}, release messages`, 32, await appRun(true)]);
  const after = await singleRowRun(dir, 'after');
  const baseline = (perSecond(before.iterations, before.ms) + perSecond(after.iterations, after.ms)) / 2;
  for (const [label, result] of [
    ['before', before],
    ['after', after],
  ] as const) {
    const rate = perSecond(result.iterations, result.ms);
    const calls = fmt(result.iterations, 0);
    const latency = fmt(result.usPerOp / 1000, 2);
    rows.push([
      `baseline ${label}: 1 row per transaction`,
      '1',
      calls,
      calls,
      fmt(rate),
      latency,
      '–',
      '–',
      `${fmt(rate / baseline, 1)}×`,
    ]);
  }
  const single = perSecond(runs[0]?.[2].items ?? 0, runs[0]?.[2].ms ?? 1);
  for (const [name, clients, r] of runs) rows.push(row(name, clients, r, single, baseline));
  printTable(
    `events stored with durable acknowledgement — SQLite file, WAL, synchronous = FULL; each config ≤ ${fmt(TOTAL, 0)} events or ${BUDGET_MS / 1000} s`,
    [
      'writer',
      'clients',
      'calls',
      'events',
      'events/s',
      'ack p50 ms',
      'ack p95 ms',
      '÷ 1 client',
      '÷ baseline',
    ],
    rows,
  );
}

function row(name: string, clients: number, r: PoolResult, single: number, baseline: number): string[] {
  const rate = perSecond(r.items, r.ms);
  return [
    name,
    String(clients),
    fmt(r.ops, 0),
    fmt(r.items, 0),
    fmt(rate),
    fmt(percentile(r.latencies, 50), 2),
    fmt(percentile(r.latencies, 95), 2),
    `${fmt(rate / single, 1)}×`,
    `${fmt(rate / baseline, 1)}×`,
  ];
}
