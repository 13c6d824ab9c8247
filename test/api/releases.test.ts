import { describe, expect, it } from 'vitest';
import { appOn, STORES } from '../support/both-stores.ts';
import {
  announcement,
  createRelease,
  createSite,
  eachTestApp,
  postServed,
  publishMessage,
  surveyInput,
  type TestApp,
} from '../support/test-app.ts';
import { webhookReceiver } from '../support/webhook-receiver.ts';

const phases = [
  { name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 100 },
  { name: 'Texas', audience: { city: { $in: ['Austin', 'Dallas', 'Houston'] } }, percent: 100 },
  { name: 'Everyone', audience: {}, percent: 100 },
];

async function decideFor(t: TestApp, site: { publicKey: string }, id: string, city: string) {
  const res = await t.post('/v1/decide', { site: site.publicKey, user: { id, traits: { city } } });
  return res.body as {
    messages: { id: string }[];
    releases: Record<string, { enabled: boolean; holdout: boolean; phase: string | null }>;
  };
}

describe.each(STORES)('releases on %s', (kind) => {
  const t = eachTestApp(() => appOn(kind, { webhookRetryDelaysMs: [50, 50] }), { drainWebhooks: true });

  async function setup(release: Record<string, unknown>, siteFields: Record<string, unknown> = {}) {
    const site = await createSite(t, siteFields);
    const rel = await createRelease(t, site.id, { phases, ...release });
    const announce = await publishMessage(
      t,
      site.id,
      announcement({ releaseId: rel.id, frequency: { mode: 'always' } }),
    );
    const survey = await publishMessage(t, site.id, surveyInput({ releaseId: rel.id }));
    return { site, rel, announce, survey };
  }

  const response = (messageId: string, userId: string, value: number) => ({
    id: crypto.randomUUID(),
    type: 'response',
    messageId,
    value,
    at: t.clock.now.toISOString(),
    user: { id: userId },
  });

  describe('releases', () => {
    it('starts as a draft, advances phase by phase, and keeps every transition with its reason', async () => {
      const { rel } = await setup({});
      expect(rel).toMatchObject({ status: 'draft', currentPhase: -1 });
      expect((await t.api('POST', `/api/releases/${rel.id}/pause`)).status).toBe(409);
      const first = await t.api('POST', `/api/releases/${rel.id}/advance`, { reason: 'pilot starts' });
      expect(first.body).toMatchObject({ status: 'active', currentPhase: 0 });
      await t.api('POST', `/api/releases/${rel.id}/advance`);
      await t.api('POST', `/api/releases/${rel.id}/advance`);
      const done = await t.api('POST', `/api/releases/${rel.id}/advance`);
      expect(done.body).toMatchObject({ status: 'complete', currentPhase: 2 });
      expect(
        done.body.history.map((h: { to: string; toPhase: number; reason: string }) => [
          h.to,
          h.toPhase,
          h.reason,
        ]),
      ).toEqual([
        ['active', 0, 'pilot starts'],
        ['active', 1, 'advanced by hand'],
        ['active', 2, 'advanced by hand'],
        ['complete', 2, 'advanced by hand'],
      ]);
    });

    it('shows its messages only to exposed users, widening with each phase, and agrees with isEnabled', async () => {
      const { site, rel, announce } = await setup({ holdoutPercent: 10 });
      await t.api('POST', `/api/releases/${rel.id}/advance`);
      const cities = ['Austin', 'Dallas', 'Boston'];
      const users = Array.from({ length: 600 }, (_, i) => ({ id: `u_${i}`, city: cities[i % 3] as string }));
      const exposedAt: Set<string>[] = [];
      for (let phase = 0; phase < 3; phase++) {
        const exposed = new Set<string>();
        for (const u of users) {
          const d = await decideFor(t, site, u.id, u.city);
          const shown = d.messages.some((m) => m.id === announce);
          const decision = d.releases['reserve-ahead'];
          expect(shown).toBe(decision?.enabled);
          if (decision?.holdout) expect(shown).toBe(false);
          if (shown) exposed.add(u.id);
        }
        for (const earlier of exposedAt) for (const u of earlier) expect(exposed.has(u)).toBe(true);
        exposedAt.push(exposed);
        if (phase < 2) await t.api('POST', `/api/releases/${rel.id}/advance`);
      }
      const [pilot, texas, everyone] = exposedAt.map((s) => s.size);
      expect(pilot).toBeGreaterThan(150);
      expect(texas).toBeGreaterThan(pilot as number);
      expect(everyone).toBeGreaterThan(texas as number);
      expect(everyone).toBeLessThan(600);
    }, 60_000);

    it('keeps a user exposed after their traits change', async () => {
      const { site, rel, announce } = await setup({});
      await t.api('POST', `/api/releases/${rel.id}/advance`);
      expect((await decideFor(t, site, 'u_mover', 'Austin')).messages.map((m) => m.id)).toContain(announce);
      expect((await decideFor(t, site, 'u_mover', 'Boston')).messages.map((m) => m.id)).toContain(announce);
      expect((await decideFor(t, site, 'u_boston', 'Boston')).messages.map((m) => m.id)).not.toContain(
        announce,
      );
    });

    it('pauses itself when pilot users rate it low, hides its messages at once, records why and tells the webhook', async () => {
      const hook = await webhookReceiver(1);
      const { site, rel, announce, survey } = await setup(
        { guardrails: { minResponses: 20, minAverageRating: 3.5 } },
        { webhookUrl: hook.url },
      );
      await t.api('POST', `/api/releases/${rel.id}/advance`);
      const pilots = Array.from({ length: 20 }, (_, i) => `u_austin_${i}`);
      for (const id of pilots) await decideFor(t, site, id, 'Austin');
      for (const [i, id] of pilots.entries()) {
        const res = await postServed(t, site, [response(survey, id, i % 2 ? 2 : 3)]);
        expect(res.status).toBe(200);
        await t.app.rollout.settled();
        const status = (await t.api('GET', `/api/releases/${rel.id}`)).body.status;
        expect(status).toBe(i < 19 ? 'active' : 'paused');
      }
      const after = await decideFor(t, site, 'u_austin_0', 'Austin');
      expect(after.messages.map((m) => m.id)).not.toContain(announce);
      const history = (await t.api('GET', `/api/releases/${rel.id}`)).body.history;
      expect(history.at(-1)).toMatchObject({
        action: 'pause',
        by: 'guardrail',
        reason: 'average rating 2.5 fell below 3.5 over 20 responses',
      });
      // The pause nobody clicked is in the audit log with its reason, beside the advance made by hand.
      const audit = (await t.api('GET', '/api/audit')).body.entries;
      expect(audit.filter((e: { target: string }) => e.target === rel.id).slice(0, 2)).toMatchObject([
        {
          actor: 'automatic (guardrail)',
          action: 'pause release',
          detail: { release: 'Reserve ahead', reason: 'average rating 2.5 fell below 3.5 over 20 responses' },
        },
        { action: 'POST /api/releases/:id/advance' },
      ]);
      await t.app.webhooks.drain();
      expect(hook.attempts()).toBe(3);
      expect(hook.bodies.map((b) => b.text)).toEqual([
        'Release “Reserve ahead” advanced to “Pilot: Austin”: advanced by hand',
        'Release “Reserve ahead” paused (guardrail): average rating 2.5 fell below 3.5 over 20 responses',
      ]);
      expect(hook.bodies[1].release).toMatchObject({ key: 'reserve-ahead', status: 'paused' });
      await hook.close();
    });

    it('advances itself when enough good ratings are in', async () => {
      const { site, rel, survey } = await setup({
        guardrails: { minResponses: 10, minAverageRating: 3.5 },
        autoAdvance: { afterHours: 0, minResponses: 20, minAverageRating: 4 },
      });
      await t.api('POST', `/api/releases/${rel.id}/advance`);
      const pilots = Array.from({ length: 20 }, (_, i) => `u_austin_${i}`);
      for (const id of pilots) await decideFor(t, site, id, 'Austin');
      const report = await t.api('GET', `/api/releases/${rel.id}/report`);
      expect(report.body.gate.text).toBe('0/20 responses, no ratings yet (need 4★)');
      const events = pilots.map((id, i) => response(survey, id, i % 4 ? 5 : 4));
      await postServed(t, site, events);
      await t.app.rollout.settled();
      const advanced = (await t.api('GET', `/api/releases/${rel.id}`)).body;
      expect(advanced).toMatchObject({ status: 'active', currentPhase: 1 });
      expect(advanced.history.at(-1)).toMatchObject({
        by: 'auto-advance',
        reason: 'gate met: 20/20 responses, 4.8★ ≥ 4.0',
      });
      expect((await t.api('GET', '/api/audit')).body.entries[0]).toMatchObject({
        actor: 'automatic (auto-advance)',
        action: 'advance release',
        target: rel.id,
        detail: { reason: 'gate met: 20/20 responses, 4.8★ ≥ 4.0' },
      });
      expect((await decideFor(t, site, 'u_dallas', 'Dallas')).releases['reserve-ahead']?.enabled).toBe(true);
    });

    it('waits for time in phase before advancing by itself', async () => {
      const { site, rel, survey } = await setup({ autoAdvance: { afterHours: 72, minResponses: 1 } });
      await t.api('POST', `/api/releases/${rel.id}/advance`);
      await decideFor(t, site, 'u_1', 'Austin');
      await postServed(t, site, [response(survey, 'u_1', 5)]);
      await t.app.rollout.settled();
      expect((await t.api('GET', `/api/releases/${rel.id}`)).body.currentPhase).toBe(0);
      t.clock.advance(73 * 3600_000);
      await t.app.rollout.checkAll();
      expect((await t.api('GET', `/api/releases/${rel.id}`)).body.currentPhase).toBe(1);
    });

    it('reports per phase: exposed and holdout users, ratings, goal conversion and lift', async () => {
      const { site, rel, announce, survey } = await setup({
        holdoutPercent: 20,
        goal: { event: 'reservation_made' },
      });
      await t.api('POST', `/api/releases/${rel.id}/advance`);
      const users = Array.from({ length: 300 }, (_, i) => `u_${i}`);
      const decisions = new Map<string, { holdout: boolean }>();
      for (const id of users)
        decisions.set(
          id,
          (await decideFor(t, site, id, 'Austin')).releases['reserve-ahead'] as { holdout: boolean },
        );
      const exposed = users.filter((u) => !decisions.get(u)?.holdout);
      const held = users.filter((u) => decisions.get(u)?.holdout);
      // Exposed users convert 1 in 2, held-out users 1 in 5: a lift the report must see.
      const goals = [...exposed.filter((_, i) => i % 2 === 0), ...held.filter((_, i) => i % 5 === 0)].map(
        (id) => ({
          id: crypto.randomUUID(),
          type: 'goal',
          name: 'reservation_made',
          at: new Date(t.clock.now.getTime() + 60_000).toISOString(),
          user: { id },
        }),
      );
      for (let i = 0; i < goals.length; i += 100) await postServed(t, site, goals.slice(i, i + 100));
      const seen = exposed.slice(0, 10).flatMap((id) => [
        {
          id: crypto.randomUUID(),
          type: 'impression',
          messageId: announce,
          at: t.clock.now.toISOString(),
          user: { id },
        },
        response(survey, id, 4),
      ]);
      await postServed(t, site, seen);

      const report = (await t.api('GET', `/api/releases/${rel.id}/report`)).body;
      const pilot = report.groups[0];
      expect(pilot.label).toBe('Pilot: Austin');
      expect(pilot.goal.exposed).toMatchObject({
        users: exposed.length,
        converted: Math.ceil(exposed.length / 2),
      });
      expect(pilot.goal.holdout).toMatchObject({ users: held.length, converted: Math.ceil(held.length / 5) });
      expect(pilot.goal.absolute).toBeCloseTo(
        Math.ceil(exposed.length / 2) / exposed.length - Math.ceil(held.length / 5) / held.length,
        9,
      );
      expect(pilot.goal.absoluteInterval.low).toBeGreaterThan(0);
      expect(pilot).toMatchObject({ impressions: 10, responses: 10, rating: { average: 4, count: 10 } });
      expect(
        report.groups.slice(1).map((g: { goal: { exposed: { users: number } } }) => g.goal.exposed.users),
      ).toEqual([0, 0]);
      expect(held.length / users.length).toBeGreaterThan(0.1);

      const byCity = (await t.api('GET', `/api/releases/${rel.id}/report?by=trait:city`)).body;
      expect(byCity.groups.map((g: { label: string }) => g.label)).toEqual(['Austin']);
    }, 60_000);

    it('warns in plain words when the sample is too small to tell', async () => {
      const { site, rel } = await setup({ holdoutPercent: 10, goal: { event: 'reservation_made' } });
      await t.api('POST', `/api/releases/${rel.id}/advance`);
      await decideFor(t, site, 'u_1', 'Austin');
      const report = (await t.api('GET', `/api/releases/${rel.id}/report`)).body;
      expect(report.overall.goal.warning).toMatch(/Too few users to tell/);
    });

    it('stops messages at once on a manual rollback and turns the feature off', async () => {
      const { site, rel, announce } = await setup({});
      await t.api('POST', `/api/releases/${rel.id}/advance`);
      expect((await decideFor(t, site, 'u_1', 'Austin')).messages.map((m) => m.id)).toContain(announce);
      await t.api('POST', `/api/releases/${rel.id}/rollback`, { reason: 'crash reports' });
      const after = await decideFor(t, site, 'u_1', 'Austin');
      expect(after.messages.map((m) => m.id)).not.toContain(announce);
      expect(after.releases['reserve-ahead']).toEqual({ enabled: false, phase: null, holdout: false });
    });
  });

  describe('release history', () => {
    it('names who acted by hand', async () => {
      const { rel } = await setup({});
      const res = await t.api('POST', `/api/releases/${rel.id}/advance`, { reason: 'pilot starts' });
      expect(res.body.history[0]).toMatchObject({ by: 'manual', actor: 'api-token', reason: 'pilot starts' });
    });
  });
});
