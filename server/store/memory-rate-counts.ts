import type { RateCounts } from './store.ts';

/**
 * Counts in this process's memory. SQLite's store uses it: an SQLite file has one server process, and
 * a counted request must not cost an fsync (an upsert under `synchronous = FULL` took 1.4 ms here,
 * against 65 µs without the fsync). At most `maxKeys` keys are kept; the oldest are dropped first, so a
 * flood of made-up addresses cannot exhaust memory.
 */
export function memoryRateCounts(maxKeys = 100_000): RateCounts {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async hit(key, start, by) {
      const current = windows.get(key);
      const count = (current?.start === start ? current.count : 0) + by;
      windows.delete(key); // re-inserted last: Map order is then least recently counted first
      windows.set(key, { start, count });
      if (windows.size > maxKeys) {
        const oldest = windows.keys().next().value;
        if (oldest !== undefined) windows.delete(oldest);
      }
      return count;
    },
    async peek(key, start) {
      const current = windows.get(key);
      return current?.start === start ? current.count : 0;
    },
    async forget(key) {
      windows.delete(key);
    },
    async sweep(before) {
      for (const [key, { start }] of windows) if (start < before) windows.delete(key);
    },
  };
}
