import { afterEach, beforeEach, describe } from 'vitest';
import type { Site } from '../../server/schema/site.ts';
import type { Store } from '../../server/store/store.ts';
import { accountSpecs } from './account-specs.ts';
import { changelogSpecs } from './changelog-specs.ts';
import { documentSpecs } from './document-specs.ts';
import { eventSpecs } from './event-specs.ts';
import { makeSite } from './fixtures.ts';
import { foldSpecs } from './fold-specs.ts';
import { importSpecs } from './import-specs.ts';
import { outboxSpecs } from './outbox-specs.ts';
import { resultSpecs } from './result-specs.ts';
import { rollupSpecs } from './rollup-specs.ts';

/** A migrated store and a fresh site in it, renewed before each test. */
export type StoreContext = { store: Store; site: Site };

/**
 * The behaviour every `Store` must have, run against each engine (SQLite here, PostgreSQL later).
 * `open` returns a store, not necessarily empty: every test works inside a site of its own.
 *
 * @example storeSuite('SQLite store', () => openSqliteStore(join(dir, `${n++}.db`)))
 */
export function storeSuite(name: string, open: () => Promise<Store>): void {
  describe(name, () => {
    const ctx = {} as StoreContext;
    beforeEach(async () => {
      ctx.store = await open();
      await ctx.store.migrate();
      ctx.site = makeSite();
      await ctx.store.createSite(ctx.site);
    });
    afterEach(async () => {
      await ctx.store.close();
    });

    describe('documents', () => documentSpecs(ctx));
    describe('events and user state', () => eventSpecs(ctx));
    describe('events folded in batches', () => foldSpecs(ctx));
    describe('results and responses', () => resultSpecs(ctx));
    describe('rollups', () => rollupSpecs(ctx));
    describe('accounts, sessions and audit log', () => accountSpecs(ctx));
    describe('release versions and the webhook outbox', () => outboxSpecs(ctx));
    describe('changelog slug and digest subscribers', () => changelogSpecs(ctx));
    describe('imported users and their removal by key prefix', () => importSpecs(ctx));
  });
}
