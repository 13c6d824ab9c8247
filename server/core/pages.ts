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
 * Whether a message's page rules allow this URL: excluded patterns win; an empty include means every page.
 * A request without a URL passes (the widget re-checks on the page itself).
 */
export function pageAllowed(pages: Pages, url: string | undefined): boolean {
  if (url === undefined) return true;
  const path = pathOf(url);
  if (pages.exclude.some((p) => matchesPattern(p, path))) return false;
  return pages.include.length === 0 || pages.include.some((p) => matchesPattern(p, path));
}
