import { describe, expect, it } from 'vitest';
import { expectFuzzedUnharmed, fuzzEnv } from '../support/fuzz-run.ts';

/** 41 endpoints × 250 runs: over 10,000 hostile requests. `HERALD_FUZZ_SEED` replays a failing run. */
const RUNS = 250;
const seed = process.env.HERALD_FUZZ_SEED ? Number(process.env.HERALD_FUZZ_SEED) : undefined;

describe('fuzzing every public and admin endpoint over HTTP (SQLite)', () => {
  const env = fuzzEnv('sqlite');

  it('answers 10,000 malformed, mistyped, odd, deep and oversized requests without a 5xx, storing nothing', async () => {
    const { target } = env;
    await expectFuzzedUnharmed(target, RUNS, 10_000, seed);
    // Still serving, and no request reached Object.prototype.
    const decide = await fetch(`${target.base}/v1/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ site: target.ids.publicKey, user: { id: 'u_after' } }),
    });
    expect(decide.status).toBe(200);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 300_000);
});
