import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';

/** The JSON escape of NUL, as it appears in a body's text. */
const NUL_ESCAPE = '\\u0000';

/**
 * PostgreSQL text cannot hold NUL, so a NUL reaching a query failed there as a 500 (found by fuzzing);
 * no id, key, name or text Herald takes has a use for one. `refuseNul` answers 400 for one in the URL
 * (`%00`); `assertNoNul` does for a body's text (`route`'s body reader calls it). A raw NUL byte is not valid
 * JSON anyway; the escape is what parses. A string holding the six characters `\u0000` (written
 * `\\u0000`) is refused too: a rare price for one scan of the text.
 *
 * @example app.use('/api/*', refuseNul())
 */
export function refuseNul(): MiddlewareHandler {
  return async function noNulInUrl(c, next) {
    if (c.req.url.includes('%00')) throw nulError('URL');
    await next();
  };
}

/** Throws the 400 when a body's text holds an escaped NUL. */
export function assertNoNul(text: string): void {
  if (text.includes(NUL_ESCAPE)) throw nulError('body');
}

function nulError(where: string): ApiError {
  return new ApiError(400, 'invalid_request', `NUL characters are not allowed in the ${where}`);
}
