import type { Pages } from '../schema/message.ts';

const cache = new Map<string, RegExp>();

/** A page pattern as a regex: `*` matches any run of characters (including `/`), everything else is literal. */
function patternRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    const body = decodePath(pattern)
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    re = new RegExp(`^${body}$`);
    if (cache.size > 5000) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

/** The path of a URL (absolute or relative); patterns match paths, never hosts or query strings. */
export function pathOf(url: string): string {
  try {
    return decodePath(new URL(url, 'http://x').pathname);
  } catch {
    return '/';
  }
}

/** Decodes percent-escapes (keeping `%2F` and `%3F` encoded) so `/über-uns` matches however the browser wrote it. */
function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Whether a path matches one pattern. @example matchesPattern('/app/*', '/app/home') // true */
export function matchesPattern(pattern: string, path: string): boolean {
  return patternRegex(pattern).test(path);
}

/**
 * A message's page rules compiled into one test of a path: excluded patterns win; an empty include means
 * every page. Each list becomes one anchored alternation, so a path is tested once per list.
 *
 * @example compilePages({ include: ['/app/*'], exclude: ['/app/settings*'] })('/app/home') // true
 */
export function compilePages(pages: Pages): (path: string) => boolean {
  const either = (patterns: string[]) =>
    patterns.length === 0 ? null : new RegExp(patterns.map((p) => patternRegex(p).source).join('|'));
  const exclude = either(pages.exclude);
  const include = either(pages.include);
  if (exclude === null) return include === null ? () => true : (path) => include.test(path);
  return (path) => !exclude.test(path) && (include === null || include.test(path));
}

/**
 * Whether a message's page rules allow this URL. A request without a URL passes (the widget re-checks on the
 * page itself).
 */
export function pageAllowed(pages: Pages, url: string | undefined): boolean {
  return url === undefined || compilePages(pages)(pathOf(url));
}
