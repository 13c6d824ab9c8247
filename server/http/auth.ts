import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';

/** Compares two strings in time independent of where they differ, so a token cannot be guessed byte by byte. */
export function safeEqual(a: string, b: string): boolean {
  const enc = new TextEncoder();
  const x = enc.encode(a);
  const y = enc.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/**
 * Guards `/api/*`: `Authorization: Bearer <HERALD_API_TOKEN>` has full access. Without a configured token,
 * only signed-in admin sessions get in (they come with the admin page).
 */
export function requireApiAuth(apiToken: string | undefined): MiddlewareHandler {
  return async function apiAuth(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (apiToken !== undefined && match?.[1] !== undefined && safeEqual(match[1], apiToken)) return next();
    throw new ApiError(401, 'unauthorized', 'sign in or send a valid bearer token');
  };
}
