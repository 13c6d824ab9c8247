import type { MiddlewareHandler } from 'hono';
import type { Site } from '../schema/site.ts';
import { ApiError } from './errors.ts';

/** Whether a site accepts calls from this origin; an empty list accepts any (the site has not restricted it yet). */
export function originAllowed(site: Site, origin: string | undefined): boolean {
  if (origin === undefined || site.allowedOrigins.length === 0) return true;
  return site.allowedOrigins.includes('*') || site.allowedOrigins.includes(origin);
}

/** Refuses a request from an origin the site does not allow. Called once the body names the site. */
export function assertOrigin(site: Site, origin: string | undefined): void {
  if (!originAllowed(site, origin))
    throw new ApiError(403, 'origin_not_allowed', `origin ${origin} is not allowed for this site`);
}

/**
 * CORS for the public endpoints. A preflight cannot name the site (it has no body), so the headers echo
 * any origin and the per-site check happens in the handler with `assertOrigin`. No cookies are used.
 */
export function publicCors(): MiddlewareHandler {
  return async function cors(c, next) {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin ?? '*',
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': 'content-type',
          'access-control-max-age': '86400',
          vary: 'Origin',
        },
      });
    }
    // Set before the handler runs, as Hono's own cors does: the answer (or the error answer) is then built
    // with them. Setting them afterwards makes Node's adapter build a full web Response for every answer.
    c.header('access-control-allow-origin', origin ?? '*');
    // The widget reads Retry-After on a 429 or 503 to know how long to stay quiet.
    c.header('access-control-expose-headers', 'retry-after');
    c.header('vary', 'Origin');
    await next();
    return undefined;
  };
}
