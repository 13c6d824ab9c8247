import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { EventType } from '../../server/schema/events.ts';
import { demoRelease } from '../../server/seed/demo-content.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import type { Store, StoredEvent } from '../../server/store/store.ts';
import type { Tables } from '../../server/store/tables.ts';
import {
  createRelease,
  createSite,
  publishMessage,
  surveyInput,
  type TestApp,
  testApp,
} from '../support/test-app.ts';
import { fmt, percentile } from './measure.ts';
import { type BenchRow, verdict } from './report.ts';

/** A million events unless `HERALD_BENCH_ROLLUP_EVENTS` says otherwise (a quicker look while working). */
const EVENTS = Number(process.env.HERALD_BENCH_ROLLUP_EVENTS ?? 1_000_000);
const USERS = Math.max(1, Math.round(EVENTS / 10));
const BATCH = 5000;
const DAYS = 14;
const CITIES = ['Austin', 'Dallas', 'Houston', 'Boston', 'Denver'];
/** Per user, in turn: seven impressions, a click, a dismissal and an answer. */
const TYPES: EventType[] = [...Array(7).fill('impression'), 'click', 'dismiss', 'response'];
const T0 = Date.parse('2026-11-01T00:00:00Z');

/**
 * A release of the demo's three phases with a holdout and a goal, advanced to its last phase, and its survey
 * published, on a fresh site.
 */
export async function setUp(t: TestApp) {
  const site = await createSite(t);
  const release = await createRelease(t, site.id, {
    phases: demoRelease.phases,
    holdoutPercent: 5,
    goal: { event: 'reserved' },
  });
  for (let i = 0; i < 3; i++) await t.api('POST', `/api/releases/${release.id}/advance`);
  const messageId = await publishMessage(t, site.id, surveyInput({ releaseId: release.id }));
  return { site, release, messageId };
}

const phaseOf = (u: number) => (u % 5 === 0 ? 0 : u % 5 < 3 ? 1 : 2);

/**
 * Stores `EVENTS` events of one message (and a goal event per fifth user) through `insertEvents`, the
 * store's event path with its rollups, in batches of 5,000; the users' traits and exposures first.
 */
export async function seed(
  store: Store,
  siteId: string,
  releaseId: string,
  messageId: string,
): Promise<number> {
  const users = Array.from({ length: USERS }, (_, u) => ({
    key: `u_${u}`,
    traits: { city: CITIES[u % CITIES.length], plan: u % 3 === 0 ? 'pro' : 'free' },
    exposures: [{ releaseId, phase: phaseOf(u), holdout: u % 20 === 0 }],
    at: new Date(T0).toISOString(),
  }));
  for (let i = 0; i < users.length; i += BATCH) await store.recordUsers(siteId, users.slice(i, i + BATCH));
  const started = performance.now();
  for (let n = 0; n < EVENTS; n += BATCH) {
    const events: StoredEvent[] = [];
    for (let i = n; i < Math.min(n + BATCH, EVENTS); i++) {
      const u = i % USERS;
      const type = TYPES[Math.floor(i / USERS) % TYPES.length] as EventType;
      const at = new Date(T0 + Math.floor((i / EVENTS) * DAYS * 86_400_000)).toISOString();
      const base = {
        at,
        receivedAt: at,
        user: { id: `u_${u}` },
        userKey: `u_${u}`,
        siteId,
        verified: u % 2 === 0,
      };
      events.push({
        ...base,
        id: randomUUID(),
        type,
        messageId,
        value: type === 'response' ? 1 + (u % 5) : undefined,
        interrupting: true,
        phase: String(phaseOf(u)),
      });
      if (type === 'response' && u % 5 === 0) {
        events.push({
          ...base,
          id: randomUUID(),
          type: 'track',
          name: 'reserved',
          interrupting: false,
          phase: null,
        });
      }
    }
    await store.insertEvents(events);
  }
  return performance.now() - started;
}

/** Median ms of `runs` calls of `call`, after one untimed call. */
async function median(call: () => Promise<unknown>, runs = 7): Promise<number> {
  await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  return percentile(times, 50);
}

/** An admin API GET; throws unless it answers 200. */
async function get(t: TestApp, path: string): Promise<void> {
  const res = await t.api('GET', path);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
}

/**
 * Results and the release report of a message with `EVENTS` stored events, through the admin API of the
 * in-process app on an SQLite file (WAL, synchronous = FULL), each beside one scan of that message's
 * events (counts and distinct users per type: the least a query over the event log must read); and the
 * process's RSS after storing them, beside its RSS before.
 */
export async function benchRollups(dir: string): Promise<BenchRow[]> {
  const file = join(dir, 'rollups.db');
  const store = await openSqliteStore(file);
  await store.migrate();
  const t = await testApp({ store });
  try {
    const { site, release, messageId } = await setUp(t);
    const rssBefore = process.memoryUsage().rss;
    const seedMs = await seed(store, site.id, release.id, messageId);
    const stored = await store.countEvents(site.id);
    const rss = process.memoryUsage().rss;
    const count = fmt(stored, 0);
    const raw = new Kysely<Tables>({
      dialect: new SqliteDialect({ database: new Database(file, { readonly: true }) }),
    });
    const scanMs = await median(
      () =>
        sql`select type, count(*), count(distinct user_key) from events where message_id = ${messageId} group by type`.execute(
          raw,
        ),
      3,
    );
    await raw.destroy();
    const timed: [string, string][] = [
      ['results', `/api/messages/${messageId}/results`],
      ['results by phase', `/api/messages/${messageId}/results?by=phase`],
      ['results by trait:city', `/api/messages/${messageId}/results?by=trait:city`],
      ['release report by phase', `/api/releases/${release.id}/report`],
      ['release report by trait:city', `/api/releases/${release.id}/report?by=trait:city`],
    ];
    const rows: BenchRow[] = [];
    for (const [label, path] of timed) {
      const ms = await median(() => get(t, path));
      rows.push({
        figure: `${label}, a message with ${count} events (ms)`,
        herald: fmt(ms, 1),
        baseline: `one scan of its events ${fmt(scanMs, 0)}`,
        target: '≤ 200',
        verdict: verdict(ms, 200, false, 'ms'),
      });
    }
    const mb = rss / 2 ** 20;
    rows.push({
      figure: `this process's RSS after storing ${count} events in process, ${fmt(stored / (seedMs / 1000), 0)}/s in batches of ${BATCH} (MB)`,
      herald: fmt(mb, 0),
      baseline: `before storing ${fmt(rssBefore / 2 ** 20, 0)}`,
      // The bench's own process, harness included: `memory` measures the server itself against the target.
      target: '–',
      verdict: '',
    });
    return rows;
  } finally {
    await t.close();
  }
}
