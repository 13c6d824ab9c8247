/**
 * mulberry32: a small seeded generator for tests and fixtures, so "random" inputs are the same on every run
 * without a dependency. Returns numbers in [0, 1).
 *
 * @example const random = seeded(42); random() // 0.6011…, every time
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
