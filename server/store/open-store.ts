import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

/**
 * Opens the store a `DATABASE_URL` names — `sqlite:PATH` (the embedded default) or `postgres://…` —
 * and runs its migrations.
 */
export async function openStore(url: string): Promise<Store> {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const store = await openSqliteStore(path);
    await store.migrate();
    return store;
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    throw new Error('PostgreSQL storage is not available yet: use DATABASE_URL=sqlite:PATH');
  }
  throw new Error(`DATABASE_URL must be sqlite:PATH or postgres://…, got ${url}`);
}
