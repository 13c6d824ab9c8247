import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodePasswords } from '../node/passwords.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { seedFirstAdmin } from './first-admin.ts';

const passwords = nodePasswords();
let store: Store;
let printed: string[];
const deps = () => ({
  store,
  passwords,
  ids: (prefix: string) => `${prefix}_1`,
  now: new Date('2026-11-26T10:00:00Z'),
  print: (text: string) => printed.push(text),
});

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  await store.migrate();
  printed = [];
});
afterEach(() => store.close());

describe('seedFirstAdmin', () => {
  it('creates the admin from HERALD_ADMIN_EMAIL and HERALD_ADMIN_PASSWORD without printing the password', async () => {
    const password = 'a long chosen password';
    const account = await seedFirstAdmin(deps(), { email: 'Ops@Example.com', password });
    expect(account).toMatchObject({ email: 'ops@example.com', role: 'admin', disabled: false });
    const stored = await store.getAccountByEmail('ops@example.com');
    expect(await passwords.verify(password, stored?.passwordHash ?? '')).toBe(true);
    expect(printed.join('\n')).not.toContain(password);
  });

  it('without the environment, creates admin@localhost and prints its generated password once', async () => {
    expect(await seedFirstAdmin(deps(), {})).toMatchObject({ email: 'admin@localhost', role: 'admin' });
    expect(printed).toHaveLength(1);
    const password = /^ +password +(\S+)$/m.exec(printed[0] ?? '')?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    const stored = await store.getAccountByEmail('admin@localhost');
    expect(await passwords.verify(password, stored?.passwordHash ?? '')).toBe(true);

    expect(await seedFirstAdmin(deps(), {})).toBeNull();
    expect(printed).toHaveLength(1);
    expect(await store.countAccounts()).toBe(1);
  });

  it('refuses to start with a password too short to be allowed, and creates nothing', async () => {
    await expect(seedFirstAdmin(deps(), { email: 'ops@example.com', password: 'short' })).rejects.toThrow(
      /HERALD_ADMIN_PASSWORD.*12 characters/,
    );
    expect(await store.countAccounts()).toBe(0);
  });
});
