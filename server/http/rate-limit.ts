/** Counts failures per key (an email, an address) in a sliding window; the clock is an argument. */
export type FailureLimiter = {
  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string, now: number): number;
  /** Records a failure of `key` at `now`. */
  fail(key: string, now: number): void;
  /** Forgets `key`'s failures (after a success). */
  reset(key: string): void;
};

/**
 * An in-memory failure limiter: after `max` failures within `windowMs`, a key waits until the oldest of
 * them leaves the window. At most `maxKeys` keys are remembered (the least recently failed are forgotten
 * first), so a flood of made-up emails cannot exhaust memory. Per process: several instances each count
 * on their own, which multiplies the allowance but keeps its order of magnitude.
 *
 * @example const byEmail = failureLimiter({ max: 5, windowMs: 15 * 60_000 });
 *          if (byEmail.retryAfter(email, Date.now()) > 0) refuse();
 */
export function failureLimiter(options: { max: number; windowMs: number; maxKeys?: number }): FailureLimiter {
  const { max, windowMs, maxKeys = 10_000 } = options;
  const failures = new Map<string, number[]>();

  const recent = (key: string, now: number): number[] => {
    const times = (failures.get(key) ?? []).filter((t) => t > now - windowMs);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  };

  return {
    retryAfter(key, now) {
      const times = recent(key, now);
      const oldest = times[times.length - max];
      return times.length >= max && oldest !== undefined ? oldest + windowMs - now : 0;
    },
    fail(key, now) {
      const times = [...recent(key, now), now].slice(-max);
      failures.delete(key); // re-inserted last: Map order is then least recently failed first
      failures.set(key, times);
      if (failures.size > maxKeys) {
        const first = failures.keys().next().value;
        if (first !== undefined) failures.delete(first);
      }
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
