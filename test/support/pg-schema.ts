import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** The test database; `HERALD_TEST_POSTGRES_URL` overrides. */
export const PG_URL = process.env.HERALD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Null when PostgreSQL answers; else why not. Throws when CI or HERALD_REQUIRE_POSTGRES demands it. */
export async function pgProblem(): Promise<string | null> {
  const client = new Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  let problem: string | null = null;
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
  if (problem !== null && (process.env.CI || process.env.HERALD_REQUIRE_POSTGRES)) {
    throw new Error(`PostgreSQL is required but ${PG_URL} failed: ${problem}`);
  }
  if (problem !== null)
    console.warn(`\n⚠ SKIPPING PostgreSQL tests: ${PG_URL} is unreachable (${problem}).\n`);
  return problem;
}

/** A schema of this test's own and a URL whose connections use it; `drop()` removes it. */
export async function pgSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `herald_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  const u = new URL(PG_URL);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: u.toString(),
    async drop() {
      await admin.query(`drop schema "${schema}" cascade`);
      await admin.end();
    },
  };
}
