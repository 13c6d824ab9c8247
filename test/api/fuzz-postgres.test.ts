import { describe, it } from 'vitest';
import { expectFuzzedUnharmed, fuzzEnv } from '../support/fuzz-run.ts';
import { pgProblem } from '../support/pg-schema.ts';

const problem = await pgProblem();

/** A smaller run than SQLite's (test/api/fuzz.test.ts): the same requests, PostgreSQL's own parsing and types. */
const RUNS = 40;

describe.skipIf(problem !== null)('fuzzing every endpoint over HTTP (PostgreSQL)', () => {
  const env = fuzzEnv('postgres');

  it('answers hostile requests to every endpoint without a 5xx, storing nothing', async () => {
    await expectFuzzedUnharmed(env.target, RUNS, 1_500);
  }, 300_000);
});
