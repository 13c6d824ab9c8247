import Database from 'better-sqlite3';
import { Client } from 'pg';
import { createApp } from '../../server/app.ts';
import { randomId } from '../../server/http/ids.ts';
import { nodePasswords } from '../../server/node/passwords.ts';
import { type DeclaredOperation, declaredOperations } from '../../server/routes/docs/openapi.ts';
import { openStore } from '../../server/store/open-store.ts';
import { freshDatabase } from './engines.ts';
import type { FuzzIds } from './fuzz-requests.ts';
import { type HttpServer, httpServer } from './http-server.ts';
import { announcement } from './test-app.ts';

const TOKEN = 'fuzz-token';
const off = { max: 0, windowMs: 60_000 };

/** The real app over HTTP on a real store, with a site, a live message, a release and an account to aim at. */
export type FuzzTarget = {
  base: string;
  token: string;
  ids: FuzzIds;
  /** Every route the app declares: what gets fuzzed. */
  operations: DeclaredOperation[];
  /** Rows per table, to prove that nothing was stored. */
  countRows(): Promise<Record<string, number>>;
  /** What the app logged as unhandled (each would have been a 500). */
  logged: string[];
  close(): Promise<void>;
};

/** Rows of every table but the migration bookkeeping, on SQLite (a second, read-only connection). */
function sqliteCounter(path: string) {
  return async () => {
    const db = new Database(path, { readonly: true });
    try {
      const tables = db
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'",
        )
        .all() as { name: string }[];
      return Object.fromEntries(
        tables.map(({ name }) => [
          name,
          (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n,
        ]),
      );
    } finally {
      db.close();
    }
  };
}

/** The same on PostgreSQL, in the test's own schema. */
function postgresCounter(url: string) {
  return async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        "select table_name as name from information_schema.tables where table_schema = current_schema() and table_name not like 'kysely_%'",
      );
      const counts: Record<string, number> = {};
      for (const { name } of rows)
        counts[name] = Number((await client.query(`select count(*) as n from "${name}"`)).rows[0].n);
      return counts;
    } finally {
      await client.end();
    }
  };
}

/**
 * Starts the target on SQLite (a temp file) or on PostgreSQL (a schema of its own). Rate limits are off:
 * the fuzzer sends thousands of requests from one address, and a 429 would hide what lies behind it.
 */
export async function fuzzTarget(engine: 'sqlite' | 'postgres'): Promise<FuzzTarget> {
  const db = await freshDatabase(engine);
  const store = await openStore(db.url);
  await store.migrate();
  const logged: string[] = [];
  const app = createApp({
    store,
    clock: () => new Date(),
    ids: randomId,
    log: (message, detail) =>
      logged.push(`${message}: ${detail instanceof Error ? detail.stack : JSON.stringify(detail)}`),
    apiToken: TOKEN,
    publicUrl: 'http://localhost',
    passwords: nodePasswords({ N: 2 ** 10, r: 8, p: 1 }),
    limits: {
      perAddress: off,
      perSite: off,
      newAnonymousPerAddress: off,
      signInPerEmail: off,
      signInPerAddress: off,
    },
  });
  const server: HttpServer = await httpServer(app.fetch);
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (await res.json()) as any;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  const site = await api('POST', '/api/sites', { name: 'Fuzzed' });
  const release = await api('POST', `/api/sites/${site.id}/releases`, {
    key: 'fuzzed',
    name: 'Fuzzed',
    phases: [{ name: 'Everyone', audience: {}, percent: 100 }],
  });
  const message = await api('POST', `/api/sites/${site.id}/messages`, announcement());
  await api('POST', `/api/messages/${message.id}/publish`);
  const account = await api('POST', '/api/accounts', {
    email: 'fuzz@example.com',
    password: 'a fuzzed password 1',
    role: 'editor',
  });
  await api('POST', '/v1/decide', { site: site.publicKey, user: { id: 'u_fuzz', traits: { plan: 'pro' } } });
  return {
    base: server.base,
    token: TOKEN,
    operations: declaredOperations(app),
    ids: {
      site: site.id,
      message: message.id,
      release: release.id,
      account: account.id,
      userKey: 'u_fuzz',
      publicKey: site.publicKey,
    },
    countRows: db.file ? sqliteCounter(db.file) : postgresCounter(db.url),
    logged,
    async close() {
      await server.close();
      await store.close();
      await db.drop();
    },
  };
}
