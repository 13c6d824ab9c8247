/**
 * Headers for Herald's own pages (admin, docs). No `'unsafe-inline'` anywhere: an injected `<script>`
 * or `style=""` attribute does nothing, and the pages may not be framed (clickjacking).
 */
const COMMON = "base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

/** The admin page: only its own scripts, styles and API; message images may come from any https host. */
export const ADMIN_CSP = `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; form-action 'self'; ${COMMON}`;

/** The API docs: one stylesheet and one script (the copy buttons) of our own, nothing else. */
export const DOCS_CSP = `default-src 'none'; script-src 'self'; style-src 'self'; form-action 'none'; ${COMMON}`;

/**
 * A page's security headers: its CSP, no MIME sniffing, no framing (also for browsers without
 * `frame-ancestors`), and no Referer sent on, so admin URLs (site and message ids) stay ours.
 *
 * @example new Response(html, { headers: { 'content-type': 'text/html', ...pageHeaders(DOCS_CSP) } })
 */
export function pageHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
}
