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
    version: 0,
    status: 'live',
    compiled: { en: { title: 'Reserve ahead', body: [] } },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    publishedAt: NOW.toISOString(),
  };
}

/** What one user got in one phase: the release's answer to isEnabled and whether its message showed. */
type Seen = { user: string; phase: number; enabled: boolean | undefined; holdout: boolean; shown: boolean };

const release0 = releaseFixture({ holdoutPercent: 10 }, { status: 'active', currentPhase: 0 });

/**
 * 10,000 users walk through every phase the way the server serves them: each decide's new exposures are
 * recorded into the user's state (as /v1/decide does), and between phases a tenth of users move city, so
 * stickiness is exercised, not just bucket arithmetic. Pure, so it is computed once, by whichever test
 * asks first (inside that test, not when the file is collected).
 */
function walk(): { seen: Seen[]; states: Map<string, UserState> } {
  const message = releaseMessage(release0);
  const users = Array.from({ length: 10_000 }, (_, i) => ({
    key: `user-${i}`,
    city: CITIES[i % CITIES.length] as string,
  }));
  const states = new Map<string, UserState>(users.map((u) => [u.key, emptyUserState()]));
  const seen: Seen[] = [];
  for (let phase = 0; phase < 3; phase++) {
    const release: Release = { ...release0, currentPhase: phase };
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
      const decision = d.releases[release.key];
      seen.push({
        user: u.key,
        phase,
        enabled: decision?.enabled,
        holdout: decision?.holdout === true,
        shown: d.messages.some((m) => m.id === message.id),
      });
    }
  }
  return { seen, states };
}
let walked: ReturnType<typeof walk> | undefined;
const walkOnce = () => {
  walked ??= walk();
  return walked;
};
const shownIn = (seen: Seen[], phase: number) =>
  new Set(seen.filter((s) => s.phase === phase && s.shown).map((s) => s.user));

describe('release properties over 10,000 users', () => {
  it('agrees with isEnabled: the message reaches exactly the users the release is enabled for', () => {
    const { seen } = walkOnce();
    expect(seen).toHaveLength(30_000);
    expect(seen.filter((s) => s.shown !== s.enabled)).toEqual([]);
    expect(seen.filter((s) => s.shown).length).toBeGreaterThan(0);
  });

  it('never shows the release’s messages to a held-out user', () => {
    const { seen } = walkOnce();
    expect(seen.filter((s) => s.holdout && s.shown)).toEqual([]);
    const held = [...new Set(seen.map((s) => s.user))].filter((u) => inHoldout(release0, u));
    expect(held.length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.shown && held.includes(s.user))).toEqual([]);
  });

  it('never shrinks exposure across advances, even for users whose traits changed', () => {
    const { seen } = walkOnce();
    for (let p = 1; p < 3; p++) {
      const before = shownIn(seen, p - 1);
      const after = shownIn(seen, p);
      expect([...before].filter((u) => !after.has(u))).toEqual([]);
      expect(after.size).toBeGreaterThan(before.size);
    }
  });

  it('holds out its share of the users it reaches, within ±1%', () => {
    const { states } = walkOnce();
    const reached = [...states.values()].filter((s) => s.exposures?.[release0.id] !== undefined);
    const held = reached.filter((s) => s.exposures?.[release0.id]?.holdout);
    expect(reached.length).toBeGreaterThan(0);
    expect(held.length / reached.length).toBeGreaterThan(0.09);
    expect(held.length / reached.length).toBeLessThan(0.11);
  });
});
