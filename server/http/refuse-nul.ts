import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';

/**
 * Refuses a request whose URL or body holds a NUL character (`%00`, `\u0000`), with a 400. PostgreSQL
 * text cannot store NUL, so such a value reaching a query failed there as a 500 (found by fuzzing); no
 * id, key, name or text Herald takes has a use for one. Runs after `bodyLimit`, which has read the body.
 * A JSON string holding the six characters `\u0000` written as `\\u0000` is refused too: a rare price
 * for one scan of the text.
 *
 * @example app.use('/v1/*', bodyLimit(256 * 1024), refuseNul())
 */
export function refuseNul(): MiddlewareHandler {
  return async function noNul(c, next) {
    const nulInUrl = /%00/.test(c.req.url);
    // A clone, so that routes reading the raw request still find its body unread.
    const body = c.req.raw.body === null ? '' : await c.req.raw.clone().text();
    // A raw NUL byte is not valid JSON anyway (the parser refuses it); the escape is what parses.
    if (nulInUrl || body.includes('\\u0000')) {
      throw new ApiError(400, 'invalid_request', 'NUL characters are not allowed in the URL or the body');
    }
    await next();
  };
}
