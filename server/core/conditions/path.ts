/**
 * Reads a trait by dotted path (`address.city`, `tags.0`), so audiences can reach nested traits.
 * A missing step gives `null`, as in GrowthBook: a missing trait then behaves exactly like a `null`
 * one (it equals a `null` condition, fails `$exists: true`, has `$type` `"null"`). Only own properties
 * are followed, so a path can never reach `constructor` or `__proto__`.
 *
 * @example readPath({ address: { city: 'Austin' } }, 'address.city') // 'Austin'
 */
export function readPath(traits: unknown, path: string): unknown {
  let current = traits;
  for (const step of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, step)) return null;
    current = (current as Record<string, unknown>)[step];
  }
  return current ?? null;
}
