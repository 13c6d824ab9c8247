import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { QueueBounds, Store } from './store.ts';

/**
 * Opens the store a `DATABASE_URL` names — `sqlite:PATH` (the embedded default) or `postgres://…` —
 * and runs its migrations. `bounds` caps its write queues (503 past them).
 */
export async function openStore(url: string, bounds: QueueBounds = {}): Promise<Store> {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const store = await openSqliteStore(path, bounds);
    await store.migrate();
    return store;
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const store = await openPostgresStore(url, bounds);
    await store.migrate();
    return store;
  }
  throw new Error(`DATABASE_URL must be sqlite:PATH or postgres://…, got ${url}`);
}
