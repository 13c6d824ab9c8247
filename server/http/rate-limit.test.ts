import { describe, expect, it } from 'vitest';
import { failureLimiter } from './rate-limit.ts';

const MINUTE = 60_000;

describe('failureLimiter', () => {
  it('lets a key fail up to the limit, then makes it wait until the oldest failure leaves the window', () => {
    const limiter = failureLimiter({ max: 3, windowMs: 15 * MINUTE });
    for (const t of [0, 1, 2]) {
      expect(limiter.retryAfter('a@x', t * MINUTE)).toBe(0);
      limiter.fail('a@x', t * MINUTE);
    }
    expect(limiter.retryAfter('a@x', 3 * MINUTE)).toBe(12 * MINUTE);
    expect(limiter.retryAfter('a@x', 15 * MINUTE - 1)).toBe(1);
    expect(limiter.retryAfter('a@x', 15 * MINUTE)).toBe(0);
  });

  it('counts keys apart', () => {
    const limiter = failureLimiter({ max: 1, windowMs: MINUTE });
    limiter.fail('a', 0);
    expect(limiter.retryAfter('a', 1)).toBeGreaterThan(0);
    expect(limiter.retryAfter('b', 1)).toBe(0);
  });

  it('forgets a key on reset', () => {
    const limiter = failureLimiter({ max: 1, windowMs: MINUTE });
    limiter.fail('a', 0);
    limiter.reset('a');
    expect(limiter.retryAfter('a', 1)).toBe(0);
  });

  it('keeps the wait sliding: failures while blocked push it further', () => {
    const limiter = failureLimiter({ max: 2, windowMs: 10 * MINUTE });
    limiter.fail('a', 0);
    limiter.fail('a', MINUTE);
    limiter.fail('a', 2 * MINUTE);
    expect(limiter.retryAfter('a', 2 * MINUTE)).toBe(9 * MINUTE);
  });

  it('remembers at most maxKeys keys, forgetting the least recently failed', () => {
    const limiter = failureLimiter({ max: 1, windowMs: MINUTE, maxKeys: 2 });
    limiter.fail('a', 0);
    limiter.fail('b', 1);
    limiter.fail('a', 2);
    limiter.fail('c', 3);
    expect(limiter.retryAfter('b', 4)).toBe(0);
    expect(limiter.retryAfter('a', 4)).toBeGreaterThan(0);
    expect(limiter.retryAfter('c', 4)).toBeGreaterThan(0);
  });
});
