import { describe, expect, it } from 'vitest';
import { seeded } from '../../test/support/seeded.ts';
import { bucket, hash32, inRollout, userKeyOf } from './bucketing.ts';

/** `u_0` … `u_{n-1}`: sequential ids like a product's own user ids. */
function sequentialIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `u_${i}`);
}

/** Random-looking but deterministic UUID-shaped ids, like the widget's anonymous ids. */
function uuidLikeIds(n: number, seed = 42): string[] {
  const next = seeded(seed);
  const hex = (len: number) =>
    Array.from({ length: len }, () => Math.floor(next() * 16).toString(16)).join('');
  return Array.from({ length: n }, () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`);
}

function deciles(salt: string, ids: string[]): number[] {
  const counts = Array.from({ length: 10 }, () => 0);
  for (const id of ids) {
    const d = Math.floor(bucket(salt, id) / 1000);
    counts[d] = (counts[d] ?? 0) + 1;
  }
  return counts;
}

describe('hash32', () => {
  // Pinned: changing the hash would silently move every user to another bucket in every running rollout.
  it.each<[string, number]>([
    ['', 2872998923],
    ['a', 444641715],
    ['u_42', 3279010785],
    ['reserve-ahead:u_42', 747396139],
    ['ü', 134528209],
  ])('keeps the hash of %j at %i', (input, expected) => {
    expect(hash32(input)).toBe(expected);
  });

  it('returns an unsigned 32-bit integer', () => {
    for (const id of [...sequentialIds(1000), ...uuidLikeIds(1000)]) {
      const h = hash32(id);
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 32);
    }
  });
});

describe('bucket', () => {
  it.each<[string, string, number]>([
    ['reserve-ahead', 'u_42', 6139],
    ['msg_1', 'u_0', 4777],
    ['holdout:reserve-ahead', 'a_9f3c', 1992],
  ])('keeps the bucket of salt %s and user %s at %i', (salt, user, expected) => {
    expect(bucket(salt, user)).toBe(expected);
  });

  it('is the hash of salt, colon and user key, modulo 10000', () => {
    expect(bucket('reserve-ahead', 'u_42')).toBe(hash32('reserve-ahead:u_42') % 10_000);
  });

  it('gives the same user the same bucket on every call', () => {
    const first = sequentialIds(1000).map((id) => bucket('salt', id));
    const again = sequentialIds(1000).map((id) => bucket('salt', id));
    expect(again).toEqual(first);
  });

  it('stays within 0–9999', () => {
    for (const id of uuidLikeIds(10_000)) {
      const b = bucket('salt', id);
      expect(Number.isInteger(b)).toBe(true);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(9999);
    }
  });

  it.each([
    ['sequential ids u_0…u_99999', sequentialIds(100_000)],
    ['UUID-like ids', uuidLikeIds(100_000)],
  ])('spreads %s evenly: each decile holds 10% ± 1%', (_name, ids) => {
    for (const salt of ['reserve-ahead', 'msg_1']) {
      for (const count of deciles(salt, ids)) {
        expect(count).toBeGreaterThanOrEqual(9_000);
        expect(count).toBeLessThanOrEqual(11_000);
      }
    }
  });

  it('spreads ids that differ only in their last character', () => {
    const buckets = Array.from({ length: 10 }, (_, i) => bucket('salt', `u_100${i}`));
    expect(new Set(buckets.map((b) => Math.floor(b / 1000))).size).toBeGreaterThanOrEqual(5);
  });
});

describe('inRollout', () => {
  const users = sequentialIds(10_000);

  it('puts 10% of 10,000 users inside a 10% rollout, within ±1%', () => {
    const inside = users.filter((u) => inRollout('reserve-ahead', u, 10)).length;
    expect(inside).toBeGreaterThanOrEqual(900);
    expect(inside).toBeLessThanOrEqual(1100);
  });

  it('puts UUID-like anonymous ids inside a 10% rollout at the same rate', () => {
    const inside = uuidLikeIds(10_000, 7).filter((u) => inRollout('reserve-ahead', u, 10)).length;
    expect(inside).toBeGreaterThanOrEqual(900);
    expect(inside).toBeLessThanOrEqual(1100);
  });

  it('never drops a user when the percentage grows (10 → 30 → 50 → 100)', () => {
    const steps = [10, 30, 50, 100];
    for (const [i, p] of steps.entries()) {
      const inside = users.filter((u) => inRollout('reserve-ahead', u, p));
      for (const q of steps.slice(i + 1)) {
        for (const u of inside) expect(inRollout('reserve-ahead', u, q)).toBe(true);
      }
    }
  });

  it('grows the group with the percentage (10 → 30 → 50 → 100)', () => {
    const sizes = [10, 30, 50, 100].map((p) => users.filter((u) => inRollout('reserve-ahead', u, p)).length);
    expect(sizes[0]).toBeLessThan(sizes[1] ?? 0);
    expect(sizes[1]).toBeLessThan(sizes[2] ?? 0);
    expect(sizes[3]).toBe(10_000);
  });

  it('lets nobody into a 0% rollout and everybody into a 100% rollout', () => {
    expect(users.some((u) => inRollout('salt', u, 0))).toBe(false);
    expect(users.every((u) => inRollout('salt', u, 100))).toBe(true);
  });

  it('is inside exactly when the bucket is below percent × 100', () => {
    for (const u of users.slice(0, 2000)) {
      expect(inRollout('salt', u, 37.5)).toBe(bucket('salt', u) < 3750);
    }
  });

  it('honours fractional percentages to a hundredth of a percent', () => {
    const inside = sequentialIds(100_000).filter((u) => inRollout('salt', u, 0.5)).length;
    expect(inside).toBeGreaterThanOrEqual(400);
    expect(inside).toBeLessThanOrEqual(600);
  });

  it('keeps two salts independent: two 50% groups overlap on 25% ± 1.5% of users', () => {
    const both = users.filter((u) => inRollout('release-a', u, 50) && inRollout('release-b', u, 50)).length;
    expect(both / users.length).toBeGreaterThanOrEqual(0.235);
    expect(both / users.length).toBeLessThanOrEqual(0.265);
  });
});

describe('userKeyOf', () => {
  it('prefers the user id to the anonymous id', () => {
    expect(userKeyOf({ id: 'u_42', anonymousId: 'a_9f' })).toBe('u_42');
  });

  it('falls back to the anonymous id', () => {
    expect(userKeyOf({ anonymousId: 'a_9f' })).toBe('a_9f');
  });

  it('is null for a user with neither', () => {
    expect(userKeyOf({})).toBeNull();
  });
});
