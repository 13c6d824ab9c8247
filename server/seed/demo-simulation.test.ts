import { describe, expect, it } from 'vitest';
import type { Message } from '../schema/message.ts';
import { type Release, ReleaseInput } from '../schema/release.ts';
import { demoMessages, demoRelease } from './demo-content.ts';
import { DEMO_DAYS, DEMO_USER_PREFIX, simulatePilot } from './demo-simulation.ts';

const now = new Date('2026-12-01T12:00:00Z');
const release = {
  ...ReleaseInput.parse(demoRelease),
  id: 'rel_demo',
  siteId: 'site_demo',
  status: 'active',
  version: 0,
  currentPhase: 0,
  phaseStartedAt: now.toISOString(),
  history: [],
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
} as Release;
const messages = demoMessages
  .filter((m) => m.release)
  .map((m, i) => ({ ...m, id: `msg_${i}`, releaseId: release.id }) as unknown as Message);
const simulate = (seed: number) => simulatePilot({ release, messages, now, seed, users: 300 });

describe('simulatePilot', () => {
  it('draws the same history from the same seed, and another from another', () => {
    expect(simulate(7)).toEqual(simulate(7));
    expect(simulate(8)).not.toEqual(simulate(7));
  });

  it('keeps every event after its user’s exposure and within the two weeks before now', () => {
    const start = now.getTime() - DEMO_DAYS * 86_400_000;
    for (const user of simulate(7)) {
      expect(user.key.startsWith(DEMO_USER_PREFIX)).toBe(true);
      expect(Date.parse(user.exposedAt)).toBeGreaterThanOrEqual(start);
      for (const e of user.events) {
        expect(Date.parse(e.at)).toBeGreaterThan(Date.parse(user.exposedAt));
        expect(Date.parse(e.at)).toBeLessThan(now.getTime());
      }
    }
  });

  it('shows the release’s messages only to exposed users; the holdout only reaches the goal', () => {
    const users = simulate(7);
    const held = users.filter((u) => u.exposure.holdout);
    expect(held.length).toBeGreaterThan(0);
    for (const u of held) expect(u.events.every((e) => e.type === 'goal')).toBe(true);
    const exposed = users.filter((u) => !u.exposure.holdout);
    expect(exposed.some((u) => u.events.some((e) => e.type === 'response' && e.text))).toBe(true);
  });

  it('rates on the survey’s five-star scale with unique event ids', () => {
    const events = simulate(7).flatMap((u) => u.events);
    const ratings = events.flatMap((e) => (e.type === 'response' ? [e.value] : []));
    expect(new Set(ratings)).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const e of events)
      expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
