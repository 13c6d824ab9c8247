import { RE2JS } from 're2js';

/** A compiled `$regex`: whether a trait's text contains a match. */
export type Pattern = { test(input: string): boolean };

/** Enough distinct patterns for every live audience; past it the cache starts over rather than grow. */
const maxCached = 500;
const cache = new Map<string, Pattern | null>();

/**
 * Compiles a condition's `$regex` (or, with `insensitive`, `$regexi`) pattern once and reuses it, so
 * deciding for many users does not recompile the same audience. An invalid pattern gives `null`
 * (remembered too), which the evaluator reads as "no match" and the validator as a problem.
 *
 * Why RE2 and not RegExp: audiences are written by any editor and evaluated on every decide, and a
 * backtracking engine lets `^(a+)+$` against a long trait hold the event loop for minutes (ReDoS). RE2
 * matches in time linear in the trait's length; the price is that backreferences and lookaround,
 * which need backtracking, are refused as invalid when the audience is saved.
 *
 * @example compiledRegex('^ping', true)?.test('PingPong') // true
 */
export function compiledRegex(pattern: string, insensitive = false): Pattern | null {
  const key = `${insensitive ? 'i' : '-'}${pattern}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  if (cache.size >= maxCached) cache.clear();
  let regex: Pattern | null;
  try {
    regex = RE2JS.compile(pattern, insensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch {
    regex = null;
  }
  cache.set(key, regex);
  return regex;
}
