import type { Pages } from '../../server/schema/message.ts';

/**
 * Whether a path matches a page pattern: `*` matches any run of characters, `/` included; everything else
 * is literal and the whole path must match. `/app/*` matches `/app/` and `/app/rides/1` but not `/app`.
 */
export function matchesPattern(pattern: string, path: string): boolean {
  const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${source}$`, 's').test(path);
}

/**
 * Whether a message may show on this path: an empty `include` means every page, and `exclude` wins.
 * Re-checked after every delay and client-side navigation, so a message never shows on the wrong page.
 */
export function matchesPages(pages: Pages | undefined, path: string): boolean {
  const any = (list: string[] = []) => list.some((p) => matchesPattern(p, path));
  return (!pages?.include.length || any(pages.include)) && !any(pages?.exclude);
}
