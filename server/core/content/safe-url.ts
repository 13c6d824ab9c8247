/**
 * Why links and images are checked here, once: an author's URL ends up as an `href`/`src` in the widget,
 * inside someone else's product page, so a `javascript:` or `data:` URL there would be script running on
 * that page. Markdown links, markdown images and CTA buttons all pass through {@link safeUrl}.
 */

/** Longer URLs are refused: no real link needs more, and it keeps decide responses small. */
const MAX_URL_LENGTH = 2000;
/** What browsers remove before parsing a URL (WHATWG URL standard): ASCII tab and newline anywhere… */
const STRIPPED_ANYWHERE = /[\t\n\r]/g;
/** …and C0 controls and spaces at either end. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point here.
const STRIPPED_AT_ENDS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point here.
const CONTROL = /[\u0000-\u001f\u007f]/;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
/** Only used to resolve relative URLs the way a browser would; never fetched. */
const BASE = 'https://base.invalid/';

/**
 * The URL as the widget may use it, or `null` when it is not allowed.
 *
 * - `link`: `http:` and `https:` URLs, and relative ones (`/x`, `./x`, `x`, `#x`, `?x`). Protocol-relative
 *   `//host/x` is allowed too: it takes the host page's scheme, which is http(s), so it is no more than an
 *   absolute https link to another host — which is allowed anyway.
 * - `image`: only absolute `https:` URLs, so an image never downgrades the page or hits the host's own paths.
 *
 * Any other scheme, in any disguise (`JaVa\tscript:`, leading control characters, an entity such as
 * `javascript&#58;` that a careless HTML writer would decode), yields `null`. The cleaned URL is returned
 * (tabs and newlines removed, ends trimmed) so the renderer uses exactly what was checked.
 *
 * @example safeUrl('https://example.com/a', 'link') // 'https://example.com/a'
 * @example safeUrl('javascript:alert(1)', 'link') // null
 */
export function safeUrl(url: string, kind: 'link' | 'image'): string | null {
  const cleaned = url.replace(STRIPPED_ANYWHERE, '').replace(STRIPPED_AT_ENDS, '');
  if (cleaned === '' || cleaned.length > MAX_URL_LENGTH || CONTROL.test(cleaned)) return null;
  // The part where a browser looks for a scheme: everything before the first `/`, `?` or `#`.
  const head = cleaned.split(/[/?#]/, 1)[0] ?? '';
  const scheme = SCHEME.exec(head)?.[1]?.toLowerCase();
  if (kind === 'image' ? !/^https:\/\//i.test(cleaned) : scheme !== undefined && !isHttp(scheme)) return null;
  // A colon outside a scheme, or an `&` where a scheme would be, is refused rather than reasoned about.
  if (scheme === undefined && (head.includes(':') || head.includes('&'))) return null;
  // Belt and braces: the browser's own parser must agree that the result is http(s).
  return resolvesToHttp(cleaned) ? cleaned : null;
}

function isHttp(scheme: string): boolean {
  return scheme === 'http' || scheme === 'https';
}

function resolvesToHttp(url: string): boolean {
  try {
    return isHttp(new URL(url, BASE).protocol.slice(0, -1));
  } catch {
    return false;
  }
}
