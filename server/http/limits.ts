import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';
import { type Limit, type RateLimiter, retryAfterSeconds } from './rate-limit.ts';

const MINUTE = 60_000;

/** Every abuse limit, each `{ max, windowMs }`; `max: 0` turns one off. main.ts reads overrides from the environment. */
export type LimitSettings = {
  /** Public (`/v1/*`) requests per client address. */
  perAddress: Limit;
  /** Public requests per site, whatever the address: one site's flood cannot starve the others. */
  perSite: Limit;
  /** Anonymous users never seen before, per client address: minting fake users costs time. */
  newAnonymousPerAddress: Limit;
  /** Failed sign-ins per email (a success clears them). */
  signInPerEmail: Limit;
  /** Failed sign-ins per client address, across emails. */
  signInPerAddress: Limit;
};

/**
 * Generous enough for a busy office behind one address and for the demo; tight enough that a script
 * cannot push a release (the issue-9 attack sent 30 made-up users in one batch).
 */
export const DEFAULT_LIMITS: LimitSettings = {
  perAddress: { max: 600, windowMs: MINUTE },
  perSite: { max: 300_000, windowMs: MINUTE },
  newAnonymousPerAddress: { max: 60, windowMs: MINUTE },
  signInPerEmail: { max: 5, windowMs: 15 * MINUTE },
  signInPerAddress: { max: 20, windowMs: 15 * MINUTE },
};

/** A 429 whose `Retry-After` says when to come back (exposed to the widget by the CORS headers). */
export function tooMany(c: Context, waitMs: number, code: string, message: string): ApiError {
  c.header('retry-after', retryAfterSeconds(waitMs));
  return new ApiError(429, code, message);
}

/**
 * Limits public requests per client address, before the body is parsed (so a flood costs us little).
 * Requests whose address is unknown (no `clientIp`) are not limited by address.
 *
 * @example app.use('/v1/*', addressLimit(limiter, DEFAULT_LIMITS.perAddress, clock, clientIp))
 */
export function addressLimit(
  limiter: RateLimiter,
  limit: Limit,
  clock: () => Date,
  clientIp: ((c: Context) => string | undefined) | undefined,
): MiddlewareHandler {
  return async function limitByAddress(c, next) {
    const address = clientIp?.(c);
    if (address !== undefined) {
      const { waitMs } = await limiter.take(`v1:addr:${address}`, limit, clock().getTime());
      if (waitMs > 0) throw tooMany(c, waitMs, 'rate_limited', 'too many requests from this address');
    }
    await next();
  };
}
