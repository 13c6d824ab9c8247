import { expect, it } from 'vitest';
import type { AuditEntry } from '../../server/schema/account.ts';
import type { StoredAccount, StoredSession } from '../../server/store/store.ts';
import { at, uid } from './fixtures.ts';
import type { StoreContext } from './store-suite.ts';

function makeAccount(overrides: Partial<StoredAccount> = {}): StoredAccount {
  return {
    id: uid('acct'),
    email: `${uid('pm')}@example.com`,
    role: 'editor',
    disabled: false,
    createdAt: at(0),
    updatedAt: at(0),
    passwordHash: 'scrypt$131072$8$1$c2FsdA==$aGFzaA==',
    ...overrides,
  };
}

function makeSession(accountId: string, overrides: Partial<StoredSession> = {}): StoredSession {
  return {
    tokenHash: uid('hash'),
    accountId,
    csrfToken: uid('csrf'),
    createdAt: at(0),
    expiresAt: at(720),
    ...overrides,
  };
}

const shown = ({ passwordHash: _, ...account }: StoredAccount) => account;

/** Accounts, sessions and the audit log. The database may be shared, so counts are compared before and after. */
export function accountSpecs(ctx: StoreContext): void {
  it('reads an account back by id and by email, with its hash', async () => {
    const account = makeAccount();
    expect(await ctx.store.createAccount(account)).toBe(true);
    expect(await ctx.store.getAccount(account.id)).toEqual(account);
    expect(await ctx.store.getAccountByEmail(account.email)).toEqual(account);
    expect(await ctx.store.getAccount('acct_missing')).toBeNull();
    expect(await ctx.store.getAccountByEmail('nobody@example.com')).toBeNull();
  });

  it('refuses a second account with a taken email, storing nothing', async () => {
    const first = makeAccount();
    await ctx.store.createAccount(first);
    const before = await ctx.store.countAccounts();
    expect(await ctx.store.createAccount(makeAccount({ email: first.email, role: 'admin' }))).toBe(false);
    expect(await ctx.store.countAccounts()).toBe(before);
    expect((await ctx.store.getAccountByEmail(first.email))?.role).toBe('editor');
  });

  it('lists accounts in creation order without password hashes', async () => {
    const later = makeAccount({ createdAt: at(2), updatedAt: at(2) });
    const earlier = makeAccount({ createdAt: at(1), updatedAt: at(1) });
    await ctx.store.createAccount(later);
    await ctx.store.createAccount(earlier);
    const listed = (await ctx.store.listAccounts()).filter((a) => [later.id, earlier.id].includes(a.id));
    expect(listed).toEqual([shown(earlier), shown(later)]);
    expect(listed[0]).not.toHaveProperty('passwordHash');
  });

  it('keeps an account update and counts accounts by role and state', async () => {
    const admins = () => ctx.store.countAccounts({ role: 'admin', disabled: false });
    const before = await admins();
    const account = makeAccount({ role: 'admin' });
    await ctx.store.createAccount(account);
    expect(await admins()).toBe(before + 1);
    const changed = {
      ...account,
      role: 'viewer' as const,
      disabled: true,
      passwordHash: 'new',
      updatedAt: at(3),
    };
    await ctx.store.updateAccount(changed);
    expect(await ctx.store.getAccount(account.id)).toEqual(changed);
    expect(await admins()).toBe(before);
    expect(await ctx.store.countAccounts({ role: 'viewer', disabled: true })).toBeGreaterThanOrEqual(1);
  });

  it('finds a session by its token hash until it expires', async () => {
    const account = makeAccount();
    await ctx.store.createAccount(account);
    const session = makeSession(account.id, { expiresAt: at(720) });
    await ctx.store.createSession(session);
    expect(await ctx.store.getSession(session.tokenHash, at(719))).toEqual(session);
    expect(await ctx.store.getSession(session.tokenHash, at(720))).toBeNull();
    expect(await ctx.store.getSession('hash_unknown', at(1))).toBeNull();
  });

  it('forgets expired sessions when a new one starts', async () => {
    const account = makeAccount();
    await ctx.store.createAccount(account);
    const old = makeSession(account.id, { expiresAt: at(10) });
    await ctx.store.createSession(old);
    await ctx.store.createSession(makeSession(account.id, { createdAt: at(20), expiresAt: at(740) }));
    expect(await ctx.store.deleteSessionsOf(account.id)).toBe(1);
  });

  it('ends one session, or every session of an account', async () => {
    const [a, b] = [makeAccount(), makeAccount()];
    await ctx.store.createAccount(a);
    await ctx.store.createAccount(b);
    const [a1, a2, b1] = [makeSession(a.id), makeSession(a.id), makeSession(b.id)];
    for (const s of [a1, a2, b1]) await ctx.store.createSession(s);
    await ctx.store.deleteSession(a1.tokenHash);
    expect(await ctx.store.getSession(a1.tokenHash, at(1))).toBeNull();
    expect(await ctx.store.getSession(a2.tokenHash, at(1))).toEqual(a2);
    expect(await ctx.store.deleteSessionsOf(a.id)).toBe(1);
    expect(await ctx.store.getSession(a2.tokenHash, at(1))).toBeNull();
    expect(await ctx.store.getSession(b1.tokenHash, at(1))).toEqual(b1);
  });

  it('lists the audit log newest first, in pages, with its detail', async () => {
    // Far in the future, so that entries other tests left in a shared database come after these.
    const future = (minutes: number) =>
      new Date(Date.parse('2999-01-01T00:00:00Z') + minutes * 60_000).toISOString();
    const entry = (n: number, when: string): AuditEntry => ({
      id: `aud_${String(n).padStart(4, '0')}_${uid('x')}`,
      at: when,
      actor: 'pm@example.com',
      action: 'PATCH /api/messages/:id',
      target: n === 2 ? null : `msg_${n}`,
      detail: { fields: ['name', 'audience'], n },
    });
    const entries = [entry(1, future(1)), entry(2, future(2)), entry(3, future(2)), entry(4, future(3))];
    for (const e of entries) await ctx.store.appendAudit(e);
    const newest = await ctx.store.listAudit({ limit: 3, offset: 0 });
    expect(newest).toEqual([entries[3], entries[2], entries[1]]);
    expect(await ctx.store.listAudit({ limit: 1, offset: 3 })).toEqual([entries[0]]);
  });
}
