import { describe, expect, it } from 'vitest';
import { memoryRateCounts } from '../store/memory-rate-counts.ts';
import { rateLimiter, retryAfterSeconds, windowStart } from './rate-limit.ts';

const MINUTE = 60_000;
const limit = { max: 3, windowMs: MINUTE };

describe('rateLimiter', () => {
  it('lets a key act up to the limit in a window, then makes it wait until the window ends', async () => {
    const limiter = rateLimiter(memoryRateCounts());
    for (const t of [0, 1_000, 2_000]) expect((await limiter.take('a', limit, t)).waitMs).toBe(0);
    expect(await limiter.take('a', limit, 15_000)).toEqual({ count: 4, waitMs: 45_000 });
    expect((await limiter.take('a', limit, MINUTE)).waitMs).toBe(0);
  });

  it('counts keys apart', async () => {
    const limiter = rateLimiter(memoryRateCounts());
    for (let i = 0; i < 4; i++) await limiter.take('a', limit, 0);
    expect((await limiter.take('a', limit, 1)).waitMs).toBeGreaterThan(0);
    expect((await limiter.take('b', limit, 1)).waitMs).toBe(0);
  });

  it('counts failures with add and refuses the next attempt with peek, until forgotten', async () => {
    const limiter = rateLimiter(memoryRateCounts());
    for (let i = 0; i < 3; i++) {
      expect((await limiter.peek('a@x', limit, i)).waitMs).toBe(0);
      await limiter.add('a@x', limit, i);
    }
    expect((await limiter.peek('a@x', limit, 10)).waitMs).toBe(MINUTE - 10);
    await limiter.forget('a@x');
    expect((await limiter.peek('a@x', limit, 10)).waitMs).toBe(0);
  });

  it('never limits when max is 0', async () => {
    const limiter = rateLimiter(memoryRateCounts());
    for (let i = 0; i < 10; i++)
      expect((await limiter.take('a', { max: 0, windowMs: MINUTE }, i)).waitMs).toBe(0);
  });

  it('aligns windows on multiples of their length, so every instance agrees', () => {
    expect(windowStart(125_000, MINUTE)).toBe(120_000);
    expect(retryAfterSeconds(1)).toBe('1');
    expect(retryAfterSeconds(45_001)).toBe('46');
  });
});

describe('memoryRateCounts', () => {
  it('remembers at most maxKeys keys, forgetting the least recently counted', async () => {
    const counts = memoryRateCounts(2);
    await counts.hit('a', 0, 1);
    await counts.hit('b', 0, 1);
    await counts.hit('a', 0, 1);
    await counts.hit('c', 0, 1);
    expect(await counts.peek('b', 0)).toBe(0);
    expect(await counts.peek('a', 0)).toBe(2);
  });

  it('starts a new count in a new window and sweeps old windows', async () => {
    const counts = memoryRateCounts();
    await counts.hit('a', 0, 5);
    expect(await counts.hit('a', MINUTE, 1)).toBe(1);
    await counts.hit('b', 0, 1);
    await counts.sweep(MINUTE);
    expect(await counts.peek('b', 0)).toBe(0);
    expect(await counts.peek('a', MINUTE)).toBe(1);
  });
});
