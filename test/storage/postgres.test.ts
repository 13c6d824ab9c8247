import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../../server/schema/site.ts';
import { openStore } from '../../server/store/open-store.ts';
import { openPostgresStore } from '../../server/store/postgres-store.ts';
import type { Store } from '../../server/store/store.ts';
import { at, makeEvent, makeSite } from './fixtures.ts';
import { checkBatchesFoldLikeOneByOne } from './fold-property.ts';
import { checkKeptAcrossReopen } from './reopen-check.ts';
import { storeSuite } from './store-suite.ts';

const url = process.env.HERALD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const required = Boolean(process.env.CI || process.env.HERALD_REQUIRE_POSTGRES);

/** Null when the server answers, else why not. */
async function unreachable(): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const problem = await unreachable();
if (problem !== null && required) {
  throw new Error(`PostgreSQL is required (CI or HERALD_REQUIRE_POSTGRES) but ${url} failed: ${problem}`);
}
if (problem !== null) {
  console.warn(
    `\n⚠ SKIPPING the PostgreSQL store tests: ${url} is unreachable (${problem}).\n` +
      '  Start PostgreSQL or set HERALD_TEST_POSTGRES_URL; set HERALD_REQUIRE_POSTGRES=1 to make this a failure.\n',
  );
}

// Schemas of this run's own, so runs never see each other's rows; every connection of a store selects one
// through the URL. The shared store specs reuse message ids (`msg_r`) across tests, so each gets a fresh one.
const run = `herald_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
const schemas: string[] = [];
let admin: Client;

/** A new, empty schema and a URL whose connections use it. */
async function freshSchema(): Promise<{ schema: string; url: string }> {
  const schema = `${run}_${schemas.length}`;
  schemas.push(schema);
  await admin.query(`create schema "${schema}"`);
  return { schema, url: withSearchPath(url, schema) };
}

function withSearchPath(base: string, schema: string): string {
  const u = new URL(base);
  const options = [u.searchParams.get('options'), `-c search_path=${schema}`].filter(Boolean).join(' ');
  u.searchParams.set('options', options);
  return u.toString();
}

describe.skipIf(problem !== null)(`PostgreSQL (${problem === null ? url : 'SKIPPED: unreachable'})`, () => {
  let shared: { schema: string; url: string };
  beforeAll(async () => {
    admin = new Client({ connectionString: url });
    await admin.connect();
    shared = await freshSchema();
  });
  afterAll(async () => {
    for (const schema of schemas) await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
  });

  storeSuite('PostgreSQL store', async () => openPostgresStore((await freshSchema()).url));

  it('creates its tables in the schema the URL options name', async () => {
    await (await openStore(shared.url)).close();
    const { rows } = await admin.query<{ table_name: string }>(
      'select table_name from information_schema.tables where table_schema = $1',
      [shared.schema],
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['events', 'messages', 'releases', 'sites', 'user_states']),
    );
  });

  it('keeps sites, messages, events and user states after closing and reopening the store', async () => {
    await checkKeptAcrossReopen(() => openStore(shared.url));
  });

  /** Two server instances (two stores, two pools, one database) and a site, renewed for each test. */
  describe('two instances at once', () => {
    let a: Store;
    let b: Store;
    let site: Site;
    beforeEach(async () => {
      [a, b] = await Promise.all([openStore(shared.url), openStore(shared.url)]);
      site = makeSite();
      await a.createSite(site);
    });
    afterEach(async () => {
      await Promise.all([a.close(), b.close()]);
    });

    it('counts events sent to two server instances at once a single time', async () => {
      const other = makeSite();
      await a.createSite(other);
      const sites = [site, other];
      for (let round = 0; round < 5; round++) {
        const events = Array.from({ length: 40 }, (_, i) =>
          makeEvent({
            siteId: sites[i % 2]?.id ?? '',
            type: 'impression',
            messageId: `msg_${round}`,
            userKey: `anon_${i % 4}`,
          }),
        );
        // The same batch retried against the other instance, in another order: neither may deadlock.
        const results = await Promise.all([a.insertEvents(events), b.insertEvents([...events].reverse())]);
        expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(40);
        expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(40);
      }
      expect((await b.countEvents(sites[0]?.id)) + (await b.countEvents(sites[1]?.id))).toBe(200);
      const state = await a.getUserState(sites[0]?.id ?? '', ['anon_0']);
      expect(state?.messages.msg_4?.impressions).toBe(10);
    });

    it('gives each user the state of their events applied one by one when two instances flush at once', async () => {
      await checkBatchesFoldLikeOneByOne([a, b], site.id);
    });

    it('counts a new user viewing and answering through two instances at once as one viewer and one answer', async () => {
      const message = `msg_${randomUUID()}`;
      for (let round = 0; round < 10; round++) {
        const userKey = `anon_${round}`;
        const answer = (value: number, minute: number) =>
          makeEvent({
            siteId: site.id,
            type: 'response',
            messageId: message,
            userKey,
            value,
            at: at(minute),
          });
        const view = () => makeEvent({ siteId: site.id, type: 'impression', messageId: message, userKey });
        await Promise.all([
          a.insertEvents([view(), answer(1, round)]),
          b.insertEvents([view(), answer(5, round + 1)]),
        ]);
      }
      expect((await a.results(message, null)).overall).toMatchObject({
        impressions: 20,
        viewers: 10,
        responses: 10,
        values: { '5': 10 },
      });
    });

    it('keeps every write to a new user made by two instances at once', async () => {
      for (let round = 0; round < 10; round++) {
        const userKey = `anon_${round}`;
        const event = () => makeEvent({ siteId: site.id, type: 'impression', messageId: 'msg_1', userKey });
        await Promise.all([
          a.insertEvents([event()]),
          b.insertEvents([event()]),
          b.saveTraits(site.id, userKey, { round }, at(round)),
        ]);
        const state = await a.getUserState(site.id, [userKey]);
        expect(state?.messages.msg_1?.impressions).toBe(2);
        expect(state?.traits).toEqual({ round });
      }
    });
  });
});
