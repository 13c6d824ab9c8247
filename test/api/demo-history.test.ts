import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from '../../server/schema/site.ts';
import { seedDemo } from '../../server/seed/demo.ts';
import { seedDemoHistory } from '../../server/seed/demo-history.ts';
import { type HeraldProcess, spawnHerald } from '../support/herald-process.ts';
import { pgProblem, pgSchema } from '../support/pg-schema.ts';
import { type TestApp, testApp } from '../support/test-app.ts';

const TOKEN = 'demo-history-token';
const auth = { authorization: `Bearer ${TOKEN}` };

async function call(server: HeraldProcess, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...auth },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** The demo site, its release and that release's report, as the admin API shows them. */
async function demo(server: HeraldProcess) {
  const site = (await call(server, 'GET', '/api/sites')).body.sites.find(
    (s: { publicKey: string }) => s.publicKey === 'pk_demo',
  );
  const release = (await call(server, 'GET', `/api/sites/${site.id}/releases`)).body.releases[0];
  const report = (await call(server, 'GET', `/api/releases/${release.id}/report`)).body;
  const messages = (await call(server, 'GET', `/api/sites/${site.id}/messages`)).body.messages;
  return { site, release, report, messages };
}

/**
 * `npm start` on a fresh database, on each store: the demo release's report shows a pilot's two weeks, and
 * "remove demo data" takes them away and nothing else.
 */
const stores: [string, () => Promise<{ url: string; drop(): Promise<void> } | null>][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'herald-demo-history-'));
      return { url: `sqlite:${join(dir, 'h.db')}`, drop: async () => rmSync(dir, { recursive: true }) };
    },
  ],
  ['PostgreSQL', async () => ((await pgProblem()) === null ? pgSchema() : null)],
];

describe.each(stores)('the demo with history on %s', (_name, open) => {
  let db: { url: string; drop(): Promise<void> } | null;
  let server: HeraldProcess | undefined;
  const dist = mkdtempSync(join(tmpdir(), 'herald-demo-dist-'));
  mkdirSync(join(dist, 'dist'));

  beforeAll(async () => {
    db = await open();
    if (db === null) return;
    server = await spawnHerald(
      {
        DATABASE_URL: db.url,
        HERALD_API_TOKEN: TOKEN,
        HERALD_DIST_DIR: join(dist, 'dist'),
        HERALD_DEMO_HISTORY: 'on',
      },
      { timeoutMs: 60_000 },
    );
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('shows the pilot report with exposure, ratings and a lift over the holdout', async (ctx) => {
    if (!server) return ctx.skip();
    expect(server.output.join('')).toMatch(
      /Seeded two weeks of demo traffic \(\d+ simulated users, \d+ events\)/,
    );
    const { site, release, report } = await demo(server);
    expect(release).toMatchObject({ status: 'active', currentPhase: 0 });
    const pilot = report.groups[0];
    expect(pilot.label).toBe('Pilot: Austin');
    expect(pilot.goal.exposed.users).toBeGreaterThan(100);
    expect(pilot.goal.holdout.users).toBeGreaterThan(0);
    expect(pilot.impressions).toBeGreaterThan(0);
    expect(pilot.responses).toBeGreaterThan(50);
    expect(pilot.rating.count).toBe(pilot.responses);
    // A good pilot: inside the guardrails (rating ≥ 3.5, dismiss rate ≤ 0.6), so nothing pauses it.
    expect(pilot.rating.average).toBeGreaterThan(3.5);
    expect(pilot.dismissRate).toBeLessThan(0.6);
    expect(pilot.goal.exposed.rate).toBeGreaterThan(pilot.goal.holdout.rate);
    expect(pilot.goal.relative).toBeGreaterThan(0);
    // The gate counts the two weeks (responses, hours) and waits for a better rating: the demo stays in
    // its pilot instead of advancing at the first automatic check.
    expect(report.gate.text).toMatch(/^\d+\/50 responses, .* 336 h of 72 h$/);
    expect(report.gate.met).toBe(false);
    // Other phases have not started.
    expect(report.groups[1].goal.exposed.users).toBe(0);
    const data = await call(server, 'GET', `/api/sites/${site.id}/demo-data`);
    expect(data.body.users).toBe(pilot.goal.exposed.users + pilot.goal.holdout.users);
    expect(data.body.events).toBeGreaterThan(1000);
  });

  it('removes the demo data in one audited request and leaves the rest of the site intact', async (ctx) => {
    if (!server) return ctx.skip();
    const before = await demo(server);
    const removed = await call(server, 'DELETE', `/api/sites/${before.site.id}/demo-data`);
    expect(removed.status).toBe(200);
    expect(removed.body.removed.users).toBeGreaterThan(100);

    const after = await demo(server);
    for (const group of after.report.groups) {
      expect(group.goal.exposed.users).toBe(0);
      expect(group.goal.holdout.users).toBe(0);
      expect(group.impressions).toBe(0);
      expect(group.responses).toBe(0);
    }
    expect((await call(server, 'GET', `/api/sites/${before.site.id}/demo-data`)).body).toEqual({
      users: 0,
      events: 0,
    });
    // The site, its release and messages are as they were, and the widget still serves Maya in Austin.
    expect(after.site).toEqual(before.site);
    expect(after.release).toEqual(before.release);
    expect(after.messages).toEqual(before.messages);
    const decide = await fetch(`${server.base}/v1/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'pk_demo',
        user: { id: 'u_austin_1', traits: { city: 'Austin' } },
        context: { url: 'http://localhost/demo/' },
      }),
    });
    const answer = (await decide.json()) as any;
    expect(answer.releases['reserve-ahead']).toMatchObject({ phase: 'Pilot: Austin' });
    expect(answer.messages.length).toBeGreaterThan(0);
    const audit = (await call(server, 'GET', '/api/audit')).body.entries;
    expect(audit[0]).toMatchObject({
      action: 'DELETE /api/sites/:siteId/demo-data',
      actor: 'api-token',
      target: before.site.id,
    });
    // A second removal finds nothing left.
    expect((await call(server, 'DELETE', `/api/sites/${before.site.id}/demo-data`)).body).toEqual({
      removed: { users: 0, events: 0 },
    });
  });

  it('answers 404 for a site that does not exist', async (ctx) => {
    if (!server) return ctx.skip();
    const res = await call(server, 'DELETE', '/api/sites/site_nope/demo-data');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

/** The demo site, its release and two weeks of simulated history, as `npm start` seeds them. */
async function seedDemoWithHistory(t: TestApp): Promise<void> {
  await seedDemo(t.store, (prefix) => `${prefix}_${Math.random().toString(36).slice(2, 10)}`, t.clock.now);
  await seedDemoHistory(t.store, t.clock.now);
}

describe('who may remove demo data', () => {
  it('refuses an editor with 403 and removes nothing', async () => {
    const t = await testApp();
    try {
      await seedDemoWithHistory(t);
      const site = (await t.store.listSites())[0] as Site;
      const before = await t.store.countUsersByPrefix(site.id, 'demo-sim-');
      expect(before.users).toBeGreaterThan(0);
      await t.addAccount('editor', 'ed@example.com');
      const editor = await t.signIn('ed@example.com');
      const res = await editor.api('DELETE', `/api/sites/${site.id}/demo-data`);
      expect(res.status).toBe(403);
      expect((await editor.api('GET', `/api/sites/${site.id}/demo-data`)).body).toEqual(before);
    } finally {
      await t.close();
    }
  });
});

describe('the demo release after its simulated two weeks', () => {
  it('stays in its pilot through the automatic checks: inside the guardrails, gate not met', async () => {
    const t = await testApp();
    try {
      await seedDemoWithHistory(t);
      await t.app.rollout.checkAll();
      const site = (await t.store.listSites())[0] as Site;
      const [release] = await t.store.listReleases(site.id);
      expect(release).toMatchObject({ status: 'active', currentPhase: 0 });
      // Two weeks in its pilot, as the history the seed wrote.
      expect(Date.parse(release?.phaseStartedAt ?? '')).toBe(t.clock.now.getTime() - 14 * 86_400_000);
    } finally {
      await t.close();
    }
  });
});
