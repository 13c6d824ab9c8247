import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import type { StoredEvent } from '../../server/store/store.ts';
import { makeEvent } from './fixtures.ts';
import { checkKeptAcrossReopen } from './reopen-check.ts';
import { storeSuite } from './store-suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'herald-store-'));
let files = 0;
const newFile = () => join(dir, `store-${files++}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('SQLite store', () => openSqliteStore(newFile()));

describe('SQLite store file', () => {
  it('keeps sites, messages, events and user states after closing and reopening the file', async () => {
    const file = newFile();
    await checkKeptAcrossReopen(async () => {
      const store = await openSqliteStore(file);
      await store.migrate();
      return store;
    });
  });

  it('writes ahead to a log, so readers do not wait for the event writer', async () => {
    const file = newFile();
    const store = await openSqliteStore(file);
    await store.migrate();
    await store.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('rejects every caller of a failed group commit and stores none of their events', async () => {
    const store = await openSqliteStore(newFile());
    await store.migrate();
    const good = (key: string) =>
      makeEvent({ siteId: 'site_1', type: 'impression', messageId: 'msg_1', userKey: key });
    // A NOT NULL violation inside the shared transaction, as a disk or constraint error would be.
    const broken = { ...good('anon_3'), siteId: null } as unknown as StoredEvent;
    const calls = [
      store.insertEvents([good('anon_1')]),
      store.insertEvents([broken]),
      store.insertEvents([good('anon_2')]),
    ];
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await store.countEvents()).toBe(0);
    expect(await store.getUserState('site_1', ['anon_1', 'anon_2'])).toBeNull();

    expect(await store.insertEvents([good('anon_1')])).toEqual({ accepted: 1, duplicates: 0 });
    await store.close();
  });
});
