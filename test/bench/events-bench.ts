import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../server/store/open-store.ts';
import { pgProblem, pgSchema } from '../support/pg-schema.ts';
import { BATCH, floodEvents, unlimitedHerald } from './event-flood.ts';
import { fmt, perSecond, runPool } from './measure.ts';
import { rawPostgres, rawSqlite, storedEvent } from './raw-inserts.ts';
import { type BenchRow, verdict } from './report.ts';

const CONNECTIONS = 32;
const SECONDS = 6;

/**
 * The store alone, in process: `insertEvents` (group commit, event writer, user states, rollups) from
 * `CONNECTIONS` callers with batches of `BATCH`; events per second. Beside the HTTP figure it says whether
 * the time goes to the store or to the requests.
 */
async function storeRate(url: string): Promise<number> {
  const store = await openStore(url);
  const at = new Date().toISOString();
  let n = 0;
  const result = await runPool(CONNECTIONS, 100_000, SECONDS * 1000, async () => {
    const events = Array.from({ length: BATCH }, () => ({
      ...storedEvent(n++, at),
      type: 'track' as const,
      name: 'bench',
    }));
    return (await store.insertEvents(events)).accepted;
  });
  await store.close();
  return perSecond(result.items, result.ms);
}

/** What a flood of `POST /v1/events` did: events acknowledged per second, p99 ack ms, and events lost. */
type HttpRun = { rate: number; p99: number; failed: number; lost: number };

/**
 * The real server process on `databaseUrl`, flooded by autocannon with batches of `track` events on the
 * demo site (each with new ids); afterwards the events stored are counted behind its back against those
 * acknowledged.
 */
async function httpRun(databaseUrl: string, count: () => Promise<number>): Promise<HttpRun> {
  const server = await unlimitedHerald(databaseUrl);
  try {
    const before = await count();
    const result = await floodEvents(server.base, {
      connections: CONNECTIONS,
      users: 1000,
      seconds: SECONDS,
    });
    const acknowledged = result['2xx'] * BATCH;
    const stored = (await count()) - before;
    return {
      rate: perSecond(acknowledged, result.duration * 1000),
      p99: result.latency.p99,
      failed: result.non2xx + result.errors + result.timeouts,
      lost: Math.max(0, acknowledged - stored),
    };
  } finally {
    await server.stop();
  }
}

/** The target: the absolute rate, or half the raw baseline where the disk bounds both. */
/**
 * Where the SQLite server's time goes under this load, from `node --cpu-prof` of it (2026-12-04): its one
 * thread waits in COMMIT a quarter of the time, because better-sqlite3 is synchronous and the fsync of
 * `synchronous = FULL` blocks the event loop, so no request is read meanwhile.
 */
const SQLITE_PROFILE = 'profiled: a quarter of the server thread waits in COMMIT (fsync, event loop blocked)';

/**
 * Where the PostgreSQL server's time goes under this load, measured 2026-12-04 from the CPU time of its
 * backends and of the server process (/proc) and its statements timed client-side: a flush is seven round
 * trips, each answered only when the server's event loop, busy reading requests, gets to it.
 */
const POSTGRES_PROFILE =
  "measured before goal and track events stopped rewriting users' states: per 1,000 events PostgreSQL spent ~37 ms CPU where raw inserts spent ~21 ms (a flush also reads, locks and rewrites each user's state and goal) and the server ~55 ms; a flush is 7 round trips (begin, events, goals, 3 for users' states, commit), each waiting on an event loop busy with requests";

function eventRows(engine: string, run: HttpRun, raw: number, store: number, absolute: number): BenchRow[] {
  const target = Math.min(absolute, raw / 2);
  const notes = [run.failed ? `${run.failed} requests failed` : '', `${run.lost} acknowledged events lost`]
    .filter(Boolean)
    .join('; ');
  return [
    {
      figure: `${engine}: events/s with durable acknowledgement (POST /v1/events, ${BATCH}/batch, ${CONNECTIONS} connections, ${SECONDS} s; ${notes})`,
      herald: fmt(run.rate, 0),
      baseline: `raw 1,000-row inserts ${fmt(raw, 0)} rows/s (${fmt((100 * run.rate) / raw, 0)}%)`,
      target: `≥ ${fmt(absolute, 0)}/s, or ≥ 50% of raw`,
      verdict: run.lost > 0 ? `LOST ${run.lost} events` : verdict(run.rate, target, true, '/s'),
      ...(run.rate >= target
        ? {}
        : {
            why: `the store alone (insertEvents in process, same batches, no HTTP) took ${fmt(store, 0)} events/s: the event writer's work per batch (user states, rollups) bounds both; ${engine === 'SQLite' ? SQLITE_PROFILE : POSTGRES_PROFILE}`,
          }),
    },
    {
      figure: `${engine}: p99 acknowledgement ms of those requests`,
      herald: fmt(run.p99, 0),
      baseline: '–',
      target: '–',
      verdict: '',
    },
  ];
}

/**
 * Events with durable acknowledgement on SQLite and on PostgreSQL (over HTTP, the real server process),
 * each beside raw inserts of the same rows into the same table in the same run.
 */
export async function benchEvents(dir: string): Promise<BenchRow[]> {
  const file = join(dir, 'events-http.db');
  const countSqlite = async () => {
    const db = new Database(file, { readonly: true });
    const { n } = db.prepare('select count(*) as n from events').get() as { n: number };
    db.close();
    return n;
  };
  const sqliteRaw = await rawSqlite(join(dir, 'events-raw.db'));
  const sqliteStore = await storeRate(`sqlite:${join(dir, 'events-store.db')}`);
  const rows = eventRows(
    'SQLite',
    await httpRun(`sqlite:${file}`, countSqlite),
    sqliteRaw,
    sqliteStore,
    50_000,
  );

  const problem = await pgProblem();
  if (problem !== null) {
    rows.push({
      figure: 'PostgreSQL: events/s',
      herald: '–',
      baseline: '–',
      target: '≥ 20,000/s',
      verdict: `not measured: ${problem}`,
    });
    return rows;
  }
  const rawDb = await pgSchema();
  const storeDb = await pgSchema();
  const db = await pgSchema();
  try {
    const pgRaw = await rawPostgres(rawDb.url);
    const pgStore = await storeRate(storeDb.url);
    const countPg = async () => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows: r } = await client.query<{ n: string }>('select count(*) as n from events');
      await client.end();
      return Number(r[0]?.n ?? 0);
    };
    rows.push(...eventRows('PostgreSQL', await httpRun(db.url, countPg), pgRaw, pgStore, 20_000));
  } finally {
    await rawDb.drop();
    await storeDb.drop();
    await db.drop();
  }
  return rows;
}
