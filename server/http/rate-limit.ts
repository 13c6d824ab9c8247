import type { RateCounts } from '../store/store.ts';

/** At most `max` per `windowMs`; `max: 0` turns the limit off. */
export type Limit = { max: number; windowMs: number };

/** Milliseconds until `key` may act again (0: now), and the window's count so far. */
export type LimitState = { waitMs: number; count: number };

/** The start of the fixed window `now` falls in: windows are aligned so every instance agrees on them. */
export function windowStart(now: number, windowMs: number): number {
  return now - (now % windowMs);
}

/** `Retry-After` in whole seconds, at least 1 (a 0 would invite an immediate retry). */
export function retryAfterSeconds(waitMs: number): string {
  return String(Math.max(1, Math.ceil(waitMs / 1000)));
}

/**
 * A limiter over `RateCounts`: `take` counts an action and says whether it is over the limit; `peek`
 * and `add` serve limits that count failures only (sign-ins). Old windows are swept at most once a minute.
 *
 * @example const limiter = rateLimiter(store.rateCounts);
 *          const { waitMs } = await limiter.take('addr:203.0.113.9', { max: 600, windowMs: 60_000 }, Date.now());
 */
export function rateLimiter(counts: RateCounts, sweepEveryMs = 60_000, keepMs = 24 * 60 * 60_000) {
  let lastSweep = Number.NEGATIVE_INFINITY;
  const maybeSweep = async (now: number) => {
    if (now - lastSweep < sweepEveryMs) return;
    lastSweep = now;
    await counts.sweep(now - keepMs);
  };
  const state = (count: number, over: boolean, limit: Limit, now: number): LimitState => ({
    count,
    waitMs: over ? windowStart(now, limit.windowMs) + limit.windowMs - now : 0,
  });

  return {
    /** Counts one action of `key`; `waitMs > 0` when this one is over the limit. */
    async take(key: string, limit: Limit, now: number): Promise<LimitState> {
      if (limit.max <= 0) return { waitMs: 0, count: 0 };
      await maybeSweep(now);
      const count = await counts.hit(key, windowStart(now, limit.windowMs), 1);
      return state(count, count > limit.max, limit, now);
    },
    /** Whether `key` has already used up its limit in this window (counts nothing). */
    async peek(key: string, limit: Limit, now: number): Promise<LimitState> {
      if (limit.max <= 0) return { waitMs: 0, count: 0 };
      const count = await counts.peek(key, windowStart(now, limit.windowMs));
      return state(count, count >= limit.max, limit, now);
    },
    /** Counts one failure of `key`, to be checked by `peek` on the next attempt. */
    async add(key: string, limit: Limit, now: number): Promise<void> {
      if (limit.max <= 0) return;
      await maybeSweep(now);
      await counts.hit(key, windowStart(now, limit.windowMs), 1);
    },
    forget: (key: string) => counts.forget(key),
  };
}

export type RateLimiter = ReturnType<typeof rateLimiter>;
