import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EventType } from '../../server/schema/events.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import type { Store, StoredEvent } from '../../server/store/store.ts';
import { createSite, publishMessage, surveyInput, type TestApp, testApp } from '../support/test-app.ts';
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

/** A release of three phases with a holdout and a goal, its survey published, on a fresh site. */
async function setUp(t: TestApp) {
  const site = await createSite(t);
  const release = (
    await t.api('POST', `/api/sites/${site.id}/releases`, {
      key: 'reserve-ahead',
      name: 'Reserve ahead',
      phases: [
        { name: 'Pilot', audience: { city: 'Austin' }, percent: 100 },
        { name: 'Texas', audience: { city: { $in: ['Austin', 'Dallas', 'Houston'] } }, percent: 100 },
        { name: 'Everyone', audience: {}, percent: 100 },
      ],
      holdoutPercent: 5,
      goal: { event: 'reserved' },
    })
  ).body;
  for (let i = 0; i < 3; i++) await t.api('POST', `/api/releases/${release.id}/advance`);
  const messageId = await publishMessage(t, site.id, surveyInput({ releaseId: release.id }));
  return { site, release, messageId };
}

const phaseOf = (u: number) => (u % 5 === 0 ? 0 : u % 5 < 3 ? 1 : 2);

/**
 * Stores `EVENTS` events of one message (and a goal event per fifth user) through `insertEvents`, the
 * store's event path with its rollups, in batches of 5,000; the users' traits and exposures first.
 */
async function seed(store: Store, siteId: string, releaseId: string, messageId: string): Promise<number> {
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

/** Median ms of `runs` calls of an admin API path, after one untimed call; throws unless it answers 200. */
async function timeGet(t: TestApp, path: string, runs = 7): Promise<number> {
  const once = async () => {
    const start = performance.now();
    const res = await t.api('GET', path);
    if (res.status !== 200)
      throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return performance.now() - start;
  };
  await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  return percentile(times, 50);
}

/**
 * Results and the release report of a message with `EVENTS` stored events, through the admin API of the
 * in-process app on an SQLite file (WAL, synchronous = FULL), and the process's RSS after storing them.
 */
export async function benchRollups(dir: string): Promise<BenchRow[]> {
  const store = await openSqliteStore(join(dir, 'rollups.db'));
  await store.migrate();
  const t = await testApp({ store });
  try {
    const { site, release, messageId } = await setUp(t);
    const rssBefore = process.memoryUsage().rss;
    const seedMs = await seed(store, site.id, release.id, messageId);
    const stored = await store.countEvents(site.id);
    global.gc?.();
    const rss = process.memoryUsage().rss;
    const count = fmt(stored, 0);
    const timed: [string, string][] = [
      [`results, ${count} events`, `/api/messages/${messageId}/results`],
      [`results by phase, ${count} events`, `/api/messages/${messageId}/results?by=phase`],
      [`results by trait:city, ${count} events`, `/api/messages/${messageId}/results?by=trait:city`],
      [`release report by phase, ${count} events`, `/api/releases/${release.id}/report`],
      [`release report by trait:city, ${count} events`, `/api/releases/${release.id}/report?by=trait:city`],
    ];
    const setup = `${fmt(USERS, 0)} users, stored in ${fmt(seedMs / 1000, 1)} s (${fmt(stored / (seedMs / 1000), 0)}/s, batches of ${BATCH})`;
    const rows: BenchRow[] = [];
    for (const [label, path] of timed) {
      const ms = await timeGet(t, path);
      rows.push({
        figure: `${label} (in-process app, SQLite; median)`,
        herald: `${fmt(ms, 1)} ms`,
        baseline: rows.length === 0 ? setup : '–',
        target: '≤ 200 ms',
        verdict: verdict(ms, 200, false, 'ms'),
      });
    }
    const mb = rss / 2 ** 20;
    rows.push({
      figure: `RSS after storing ${count} events (in-process app)`,
      herald: `${fmt(mb, 0)} MB`,
      baseline: `${fmt(rssBefore / 2 ** 20, 0)} MB before storing them`,
      target: '≤ 300 MB',
      verdict: mb <= 300 ? 'met' : `over by ${fmt(mb - 300, 0)} MB`,
    });
    return rows;
  } finally {
    await t.close();
  }
}
