import { describe, expect, it } from 'vitest';
import cases from '../../../test/cases/lift.json' with { type: 'json' };
import { lift } from './lift.ts';

describe('lift', () => {
  // Expected values were computed by hand (Python, math module) from the textbook formulas.
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = lift(c.exposed, c.holdout);
    const e = c.expected;
    expect(got.exposedRate).toBeCloseTo(e.exposedRate, 6);
    expect(got.holdoutRate).toBeCloseTo(e.holdoutRate, 6);
    expect(got.absolute).toBeCloseTo(e.absolute, 6);
    expect(got.absoluteInterval?.low).toBeCloseTo(e.absoluteInterval.low, 6);
    expect(got.absoluteInterval?.high).toBeCloseTo(e.absoluteInterval.high, 6);
    expect(got.relative).toBeCloseTo(e.relative, 6);
    expect(got.relativeInterval?.low).toBeCloseTo(e.relativeInterval.low, 6);
    expect(got.relativeInterval?.high).toBeCloseTo(e.relativeInterval.high, 6);
    expect(got.warning).toBe(e.warning);
  });

  it('warns plainly when a group is too small to tell', () => {
    const got = lift({ users: 40, converted: 3 }, { users: 10, converted: 1 });
    expect(got.warning).toMatch(/Too few users to tell/);
    expect(got.absolute).toBeCloseTo(0.075 - 0.1, 9);
  });

  it('has no rates without users, and no relative lift when the holdout never converts', () => {
    expect(lift({ users: 0, converted: 0 }, { users: 10, converted: 2 }).absolute).toBeNull();
    const none = lift({ users: 100, converted: 10 }, { users: 100, converted: 0 });
    expect(none.absolute).toBeCloseTo(0.1, 9);
    expect(none.relative).toBeNull();
  });
});
