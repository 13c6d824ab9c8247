import { describe, expect, it } from 'vitest';
import { releaseFixture } from '../../../test/support/core-fixtures.ts';
import type { UserState } from '../../schema/history.ts';
import { type Message, MessageInput } from '../../schema/message.ts';
import type { Release } from '../../schema/release.ts';
import { decide } from '../decide.ts';
import { emptyUserState } from '../history.ts';
import { inHoldout } from '../releases.ts';

const NOW = new Date('2026-11-26T10:00:00Z');
const CITIES = ['Austin', 'Dallas', 'Houston', 'Boston', 'Denver'];

/** A live banner that follows the release (banners never hit the attention budget, so only the release decides). */
function releaseMessage(release: Release): Message {
  return {
    ...MessageInput.parse({
      kind: 'announcement',
      name: 'Reserve ahead',
      display: { style: 'banner' },
      content: { en: { title: 'Reserve ahead' } },
      frequency: { mode: 'always' },
      releaseId: release.id,
    }),
    id: 'msg_release',
    siteId: release.siteId,
    status: 'live',
    compiled: { en: { title: 'Reserve ahead', body: [] } },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    publishedAt: NOW.toISOString(),
  };
}

/**
 * 10,000 users walk through every phase the way the server serves them: each decide's new exposures are
 * recorded into the user's state (as /v1/decide does), and between phases a tenth of users move city, so
 * stickiness is exercised, not just bucket arithmetic.
 */
describe('release properties over 10,000 users', () => {
  const release0 = releaseFixture({ holdoutPercent: 10 }, { status: 'active', currentPhase: 0 });
  const message = releaseMessage(release0);
  const users = Array.from({ length: 10_000 }, (_, i) => ({
    key: `user-${i}`,
    city: CITIES[i % CITIES.length] as string,
  }));
  const states = new Map<string, UserState>(users.map((u) => [u.key, emptyUserState()]));
  const exposedByPhase: Set<string>[] = [];
  const violations: string[] = [];

  for (let phase = 0; phase < 3; phase++) {
    const release: Release = { ...release0, currentPhase: phase };
    const exposed = new Set<string>();
    for (const [i, u] of users.entries()) {
      if (phase > 0 && i % 10 === phase) u.city = CITIES[(i + phase) % CITIES.length] as string;
      const state = states.get(u.key) as UserState;
      const d = decide({
        messages: [message],
        releases: [release],
        attention: { maxPerDay: 100, minGapMinutes: 0 },
        siteLocale: 'en',
        user: { key: u.key, traits: { city: u.city } },
        state,
        context: {},
        now: NOW,
      });
      for (const x of d.exposures) {
        state.exposures = {
          ...state.exposures,
          [x.releaseId]: { phase: x.phase, holdout: x.holdout, at: NOW.toISOString() },
        };
      }
      const shown = d.messages.some((m) => m.id === message.id);
      const decision = d.releases[release.key];
      if (shown !== decision?.enabled)
        violations.push(`${u.key} phase ${phase}: isEnabled ${decision?.enabled}, shown ${shown}`);
      if (decision?.holdout && shown) violations.push(`${u.key} phase ${phase}: held out but shown`);
      if (shown) exposed.add(u.key);
    }
    exposedByPhase.push(exposed);
  }

  it('agrees with isEnabled: the message reaches exactly the users the release is enabled for', () => {
    expect(violations.filter((v) => v.includes('isEnabled'))).toEqual([]);
  });

  it('never shows the release’s messages to a held-out user', () => {
    expect(violations.filter((v) => v.includes('held out'))).toEqual([]);
    const held = users.filter((u) => inHoldout(release0, u.key));
    expect(held.length).toBeGreaterThan(0);
    for (const u of held) for (const exposed of exposedByPhase) expect(exposed.has(u.key)).toBe(false);
  });

  it('never shrinks exposure across advances, even for users whose traits changed', () => {
    for (let p = 1; p < exposedByPhase.length; p++) {
      const before = exposedByPhase[p - 1] as Set<string>;
      const after = exposedByPhase[p] as Set<string>;
      const dropped = [...before].filter((u) => !after.has(u));
      expect(dropped).toEqual([]);
      expect(after.size).toBeGreaterThan(before.size);
    }
  });

  it('holds out its share of the users it reaches, within ±1%', () => {
    const reached = users.filter((u) => {
      const x = states.get(u.key)?.exposures?.[release0.id];
      return x !== undefined;
    });
    const held = reached.filter((u) => states.get(u.key)?.exposures?.[release0.id]?.holdout);
    expect(held.length / reached.length).toBeGreaterThan(0.09);
    expect(held.length / reached.length).toBeLessThan(0.11);
  });
});
