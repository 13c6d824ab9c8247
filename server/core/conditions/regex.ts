/** Enough distinct patterns for every live audience; past it the cache starts over rather than grow. */
const maxCached = 500;
const cache = new Map<string, RegExp | null>();

/**
 * Compiles a condition's `$regex` (or, with `insensitive`, `$regexi`) pattern once and reuses it, so
 * deciding for many users does not recompile the same audience. An invalid pattern gives `null`
 * (remembered too), which the evaluator reads as "no match" and the validator as a problem.
 * The patterns have no `g` flag, so a shared RegExp keeps no state between tests.
 *
 * @example compiledRegex('^ping', true)?.test('PingPong') // true
 */
export function compiledRegex(pattern: string, insensitive = false): RegExp | null {
  const key = `${insensitive ? 'i' : '-'}${pattern}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  if (cache.size >= maxCached) cache.clear();
  let regex: RegExp | null;
  try {
    regex = new RegExp(pattern, insensitive ? 'i' : '');
  } catch {
    regex = null;
  }
  cache.set(key, regex);
  return regex;
}
