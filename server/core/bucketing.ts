/**
 * Stable bucketing (DESIGN): `bucket = hash(salt + ":" + userKey) mod 10000`, and a user is inside p%
 * when `bucket < p * 100`, so raising p never drops anyone and the same user always lands the same way.
 */

/** FNV-1a over UTF-16 code units, then murmur3's finaliser so that ids differing in their last character spread evenly. */
export function hash32(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
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
