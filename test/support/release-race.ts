import { expect } from 'vitest';
import type { HeraldApp } from '../../server/app.ts';
import type { Release } from '../../server/schema/release.ts';

/** One app instance and the admin API through it (bearer token). */
export type RaceInstance = {
  app: HeraldApp;
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
};

/** A reproducible stream of numbers in [0, 1), so a failing race can be replayed (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WAVES = 10;
const ACTIONS_PER_WAVE = 10;
const BURSTS_PER_WAVE = 2;
const BURST = 5;

/** An acknowledged action: what it did, and the release it answered with. */
type Ack = { by: 'manual' | 'automatic'; action: string; release: Release };

/**
 * Races 100 admin pauses, resumes and rollbacks (the last one a rollback) against rating bursts and
 * automatic checks, spread over `instances` that share one database, and asserts that the final status
 * and the history agree with every acknowledged action:
 * - the history is one unbroken chain and the release's status and phase are its last entry's;
 * - every write left its entry (version = history length);
 * - every action answered 200 is in the history, at the version it answered with, with the history it saw
 *   before it, and no manual entry is there that nobody was told about;
 * - after the last acknowledged action only automatic checks changed the release (here: none after the
 *   rollback, so it ends rolled back);
 * - a refused action is a 409 saying why, never a 5xx.
 */
export async function raceRelease(
  instances: RaceInstance[],
  { seed = 9, tick = () => {} }: { seed?: number; tick?: () => void } = {},
): Promise<void> {
  const [first] = instances as [RaceInstance];
  const rnd = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)] as T;

  const site = (
    await first.api('POST', '/api/sites', { name: 'Race', attention: { maxPerDay: 100, minGapMinutes: 0 } })
  ).body;
  const created = await first.api('POST', `/api/sites/${site.id}/releases`, {
    key: 'race',
    name: 'Race',
    phases: Array.from({ length: 20 }, (_, i) => ({ name: `Phase ${i + 1}`, percent: 100 })),
    guardrails: { minResponses: 4, minAverageRating: 3 },
    autoAdvance: { afterHours: 0, minResponses: 4, minAverageRating: 4.5 },
  });
  expect(created.status).toBe(201);
  const releaseId: string = created.body.id;
  const survey = await first.api('POST', `/api/sites/${site.id}/messages`, {
    kind: 'survey',
    name: 'How is it?',
    display: { style: 'slideout' },
    content: { en: { title: 'How is it?' } },
    survey: { scale: 'stars5' },
    frequency: { mode: 'always' },
    releaseId,
  });
  expect((await first.api('POST', `/api/messages/${survey.body.id}/publish`)).status).toBe(200);
  expect((await first.api('POST', `/api/releases/${releaseId}/advance`)).status).toBe(200);

  // Each rater is served the survey first, so their rating carries its receipt where decide gives one.
  const users = Array.from({ length: WAVES * BURSTS_PER_WAVE * BURST }, (_, i) => `rater_${i}`);
  const receipts = new Map<string, string | undefined>();
  for (const id of users) {
    const d = await first.api('POST', '/v1/decide', { site: site.publicKey, user: { id } });
    receipts.set(id, d.body.messages?.find((m: { id: string }) => m.id === survey.body.id)?.receipt);
  }

  const acks: Ack[] = [];
  const refusals: { status: number; body: any }[] = [];
  const manual = (i: number, action: string) => async () => {
    const res = await (instances[i % instances.length] as RaceInstance).api(
      'POST',
      `/api/releases/${releaseId}/${action}`,
      {
        reason: `race ${i}`,
      },
    );
    if (res.status === 200) acks.push({ by: 'manual', action, release: res.body });
    else refusals.push(res);
  };
  // Praise for five waves meets the gate (advances), complaints for five breach the guardrail (a pause,
  // and a pause again after each resume while the phase's ratings stay low).
  const burst = (i: number, raters: string[], value: number) => async () => {
    const events = raters.map((id) => ({
      id: crypto.randomUUID(),
      type: 'response',
      messageId: survey.body.id,
      value,
      at: new Date().toISOString(),
      user: { id },
      ...(receipts.get(id) ? { receipt: receipts.get(id) } : {}),
    }));
    const res = await (instances[i % instances.length] as RaceInstance).api('POST', '/v1/events', {
      site: site.publicKey,
      events,
    });
    expect(res.status).toBe(200);
  };
  const check = (i: number) => async () => {
    const result = await (instances[i % instances.length] as RaceInstance).app.rollout.check(releaseId);
    if (result?.ok) acks.push({ by: 'automatic', action: 'check', release: result.release });
  };

  let n = 0;
  let rater = 0;
  for (let wave = 0; wave < WAVES; wave++) {
    const tasks: (() => Promise<void>)[] = [];
    for (let a = 0; a < ACTIONS_PER_WAVE; a++, n++)
      tasks.push(manual(n, n === 99 ? 'rollback' : pick(['pause', 'resume'])));
    for (let b = 0; b < BURSTS_PER_WAVE; b++, rater += BURST)
      tasks.push(burst(b, users.slice(rater, rater + BURST), wave < WAVES / 2 ? 5 : 1));
    for (let c = 0; c < 4 * instances.length; c++) tasks.push(check(c));
    // Each starts after a random 0–16 ms: some run alone, some overlap, as an operator's clicks and the
    // traffic of a busy site would.
    await Promise.all(
      tasks.map(async (task) => {
        await new Promise((r) => setTimeout(r, rnd() * 16));
        await task();
      }),
    );
    tick();
  }
  for (const x of instances) await x.app.rollout.settled();

  const final: Release = (await first.api('GET', `/api/releases/${releaseId}`)).body;
  const history = final.history;
  // One unbroken chain, ending in the state the release is in.
  history.forEach((h, i) => {
    const prev = history[i - 1];
    if (prev) expect([h.from, h.fromPhase]).toEqual([prev.to, prev.toPhase]);
  });
  expect([final.status, final.currentPhase]).toEqual([history.at(-1)?.to, history.at(-1)?.toPhase]);
  expect(final.version).toBe(history.length);
  // Every acknowledged action is where its answer said, after the history it saw.
  for (const ack of acks) {
    expect(history.slice(0, ack.release.version)).toEqual(ack.release.history);
  }
  const manualAcks = acks.filter((a) => a.by === 'manual');
  expect(history.filter((h) => h.by === 'manual').length).toBe(manualAcks.length + 1); // + the first advance
  const last = acks.reduce((a, b) => (b.release.version > a.release.version ? b : a));
  expect(history.slice(last.release.version).every((h) => h.by !== 'manual')).toBe(true);
  expect(final.status).toBe('rolled_back');
  expect(last).toMatchObject({ by: 'manual', action: 'rollback' });
  // The race was a race: actions were acknowledged and refused, checks acted, and no answer was a 5xx.
  expect(manualAcks.length).toBeGreaterThanOrEqual(WAVES / 2);
  expect(refusals.length).toBeGreaterThan(0);
  for (const r of refusals) {
    expect(r.status).toBe(409);
    expect(['invalid_transition', 'release_changed']).toContain(r.body.error.code);
    expect(r.body.error.message).toMatch(/release/);
  }
  expect(history.some((h) => h.by !== 'manual')).toBe(true);
}
