import { beforeAll, describe, expect, it } from 'vitest';
import { browserEnv, track } from '../support/browser.ts';
import { inAustin, poll } from '../support/browser-server.ts';

const GOAL = 'note_edited_offline';
const USERS = Array.from({ length: 16 }, (_, i) => `u_goal_${i}`);

type GoalReport = {
  exposed: { users: number; converted: number };
  holdout: { users: number; converted: number };
  absolute: number | null;
  absoluteInterval: { low: number; high: number } | null;
};

describe('a release goal tracked by the real widget', () => {
  const env = browserEnv({ site: 'Goals' });
  let releaseId: string;

  beforeAll(async () => {
    const created = await env.herald.api('POST', `/api/sites/${env.site.id}/releases`, {
      key: 'offline-mode',
      name: 'Offline mode',
      phases: [{ name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 100 }],
      holdoutPercent: 50,
      goal: { event: GOAL },
    });
    expect(created.status).toBe(201);
    releaseId = created.body.id;
    expect((await env.herald.api('POST', `/api/releases/${releaseId}/advance`)).status).toBe(200);
    for (const id of USERS) {
      env.page(`/${id}/*`, { body: '<main><h1>Notes</h1></main>', user: inAustin(id) });
    }
  });

  it('counts exposed and held-out users who call Herald.track(goal), with a lift and its interval', async () => {
    const { context } = await env.open();
    const held: string[] = [];
    const exposed: string[] = [];
    let heldTracked = 0;
    for (const id of USERS) {
      const page = await context.newPage();
      const decided = page.waitForResponse((r) => r.url().endsWith('/v1/decide'));
      await page.goto(env.host.url(`/${id}/home`));
      const answer = await (await decided).json();
      const holdout = answer.releases['offline-mode'].holdout === true;
      (holdout ? held : exposed).push(id);
      // Every exposed user converts; every other held-out user does: a lift the report must show.
      if (!holdout || held.length % 2 === 1) {
        await track(page, GOAL);
        if (holdout) heldTracked++;
      }
      await page.close(); // closing the page sends what the widget still holds
    }
    expect(exposed.length).toBeGreaterThan(0);
    expect(held.length).toBeGreaterThan(1);

    const goal = await poll('the report to count every conversion', async () => {
      const report = await env.herald.api('GET', `/api/releases/${releaseId}/report`);
      const g = report.body.overall.goal as GoalReport;
      return g.exposed.converted === exposed.length && g.holdout.converted === heldTracked ? g : undefined;
    });
    expect(goal.exposed.users).toBe(exposed.length);
    expect(goal.holdout.users).toBe(held.length);
    expect(goal.absolute).toBeCloseTo(1 - heldTracked / held.length, 9);
    expect(goal.absoluteInterval?.low).toBeLessThanOrEqual(goal.absolute ?? Number.NaN);
    expect(goal.absoluteInterval?.high).toBeGreaterThanOrEqual(goal.absolute ?? Number.NaN);
  }, 120_000);
});
