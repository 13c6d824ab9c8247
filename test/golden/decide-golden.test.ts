import { describe, expect, it } from 'vitest';
import { currentGoldenLines, recordedGoldenLines } from './decide-golden.ts';
import { GOLDEN_USERS } from './golden-inputs.ts';

describe('decide golden fixture', () => {
  it('gives 10,000 seeded users exactly the decisions and reasons recorded before decide was compiled', () => {
    const recorded = recordedGoldenLines();
    const current = currentGoldenLines();
    expect(recorded).toHaveLength(GOLDEN_USERS);
    const differing = current.flatMap((line, i) =>
      line === recorded[i] ? [] : [{ user: i, line, was: recorded[i] }],
    );
    // The first few differences, each with the message letters side by side, say which message changed.
    expect(differing.slice(0, 5)).toEqual([]);
  }, 120_000);
});
