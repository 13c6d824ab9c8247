/**
 * Stable bucketing (DESIGN): `bucket = hash(salt + ":" + userKey) mod 10000`, and a user is inside p%
 * when `bucket < p * 100`, so raising p never drops anyone and the same user always lands the same way.
 */

/** FNV-1a over UTF-16 code units, then murmur3's finaliser so that ids differing in their last character spread evenly. */
export function hash32(input: string): number {
  return finalise(fnv1a(0x811c9dc5, input));
}

/** FNV-1a continued from state `h`, so a salt's prefix can be hashed once and every user key after it. */
function fnv1a(start: number, input: string): number {
  let h = start;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

function finalise(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The user's bucket for a salt, 0–9999. */
export function bucket(salt: string, userKey: string): number {
  return hash32(`${salt}:${userKey}`) % 10_000;
}

/**
 * Whether the user is inside `percent` of the population for this salt.
 * @example inRollout('reserve-ahead', 'u_42', 10) // stable for this user; true for about 10% of users
 */
export function inRollout(salt: string, userKey: string, percent: number): boolean {
  return bucket(salt, userKey) < Math.round(percent * 100);
}

/** The key a user is bucketed by: the user id when known, else the anonymous id. */
export function userKeyOf(user: {
  id?: string | undefined;
  anonymousId?: string | undefined;
}): string | null {
  return user.id ?? user.anonymousId ?? null;
}

/**
 * `inRollout` for one salt and percentage, compiled once: the salt's part of the hash is computed ahead, and
 * 0% and 100% need no hash at all (every bucket is below 10,000).
 *
 * @example const inside = rolloutTest('msg_1', 50); inside('u_42') === inRollout('msg_1', 'u_42', 50) // true
 */
export function rolloutTest(salt: string, percent: number): (userKey: string) => boolean {
  const threshold = Math.round(percent * 100);
  if (threshold >= 10_000) return () => true;
  if (!(threshold > 0)) return () => false;
  const start = fnv1a(0x811c9dc5, `${salt}:`);
  return (userKey) => finalise(fnv1a(start, userKey)) % 10_000 < threshold;
}
