import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzEveryEndpoint } from '../support/fuzz-run.ts';
import { type FuzzTarget, fuzzTarget } from '../support/fuzz-target.ts';
import { pgProblem } from '../support/pg-schema.ts';

const problem = await pgProblem();

/** A smaller run than SQLite's (test/api/fuzz.test.ts): the same requests, PostgreSQL's own parsing and types. */
const RUNS = 40;

describe.skipIf(problem !== null)('fuzzing every endpoint over HTTP (PostgreSQL)', () => {
  let target: FuzzTarget;
  beforeAll(async () => {
    target = await fuzzTarget('postgres');
  });
  afterAll(async () => {
    await target?.close();
  });

  it('answers hostile requests to every endpoint without a 5xx, storing nothing', async () => {
    const before = await target.countRows();
    const sent = await fuzzEveryEndpoint(target, RUNS);
    expect(sent).toBeGreaterThanOrEqual(1_500);
    expect(target.logged).toEqual([]);
    expect(await target.countRows()).toEqual(before);
    expect((await fetch(`${target.base}/healthz`)).status).toBe(200);
  }, 300_000);
});
