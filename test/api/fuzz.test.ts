import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzEveryEndpoint } from '../support/fuzz-run.ts';
import { type FuzzTarget, fuzzTarget } from '../support/fuzz-target.ts';

/** 41 endpoints × 250 runs: over 10,000 hostile requests. `HERALD_FUZZ_SEED` replays a failing run. */
const RUNS = 250;
const seed = process.env.HERALD_FUZZ_SEED ? Number(process.env.HERALD_FUZZ_SEED) : undefined;

describe('fuzzing every public and admin endpoint over HTTP (SQLite)', () => {
  let target: FuzzTarget;
  beforeAll(async () => {
    target = await fuzzTarget('sqlite');
  });
  afterAll(async () => {
    await target?.close();
  });

  it('answers 10,000 malformed, mistyped, odd, deep and oversized requests without a 5xx, storing nothing', async () => {
    const before = await target.countRows();
    const sent = await fuzzEveryEndpoint(target, RUNS, seed);
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(target.logged).toEqual([]);
    expect(await target.countRows()).toEqual(before);
    // Still healthy, still serving, and no request reached Object.prototype.
    expect((await fetch(`${target.base}/healthz`)).status).toBe(200);
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
