/**
 * mulberry32: a small seeded generator for tests and fixtures, so "random" inputs are the same on every run
 * without a dependency. Returns numbers in [0, 1). The same one the demo's simulated history draws from.
 *
 * @example const random = seeded(42); random() // 0.6011…, every time
 */
export { seededRandom as seeded } from '../../server/core/seeded-random.ts';
