import type { Kysely } from 'kysely';
import type { Account, AuditEntry, Role } from '../schema/account.ts';
import type { AccountStore, StoredAccount, StoredSession } from './store.ts';
import type { AccountsTable, SessionsTable, Tables } from './tables.ts';

function accountRow(a: StoredAccount): AccountsTable {
  return {
    id: a.id,
    email: a.email,
    role: a.role,
    disabled: a.disabled ? 1 : 0,
    password_hash: a.passwordHash,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

function fromAccountRow(r: AccountsTable): StoredAccount {
  return {
    id: r.id,
    email: r.email,
    role: r.role as Role,
    disabled: Number(r.disabled) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    passwordHash: r.password_hash,
  };
}

function fromSessionRow(r: SessionsTable): StoredSession {
  return {
    tokenHash: r.token_hash,
    accountId: r.account_id,
    csrfToken: r.csrf_token,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
  };
}

/** Drops the password hash: what the API may show. */
export function publicAccount({ passwordHash: _, ...account }: StoredAccount): Account {
  return account;
}

/**
 * Accounts, sessions and the audit log in portable Kysely. Accounts are listed by creation, the audit log
 * newest first (ties, which a coarse clock makes, broken by id).
 *
 * @example const store = { ...documents, ...accountQueries(db) }
 */
export function accountQueries(db: Kysely<Tables>): AccountStore {
  const one = async (column: 'id' | 'email', value: string) => {
    const row = await db.selectFrom('accounts').selectAll().where(column, '=', value).executeTakeFirst();
    return row === undefined ? null : fromAccountRow(row);
  };
  return {
    async createAccount(account) {
      const { numInsertedOrUpdatedRows } = await db
        .insertInto('accounts')
        .values(accountRow(account))
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    getAccount: (id) => one('id', id),
    getAccountByEmail: (email) => one('email', email),
    async listAccounts() {
      const rows = await db.selectFrom('accounts').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map((r) => publicAccount(fromAccountRow(r)));
    },
    async updateAccount(account) {
      const { id, created_at: _, ...row } = accountRow(account);
      await db.updateTable('accounts').set(row).where('id', '=', id).execute();
    },
    async countAccounts(where = {}) {
      const row = await db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .$if(where.role !== undefined, (q) => q.where('role', '=', where.role ?? ''))
        .$if(where.disabled !== undefined, (q) => q.where('disabled', '=', where.disabled ? 1 : 0))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async createSession(session) {
      // Sessions are created rarely, so this is a cheap moment to forget the expired ones.
      await db.deleteFrom('sessions').where('expires_at', '<=', session.createdAt).execute();
      await db
        .insertInto('sessions')
        .values({
          token_hash: session.tokenHash,
          account_id: session.accountId,
          csrf_token: session.csrfToken,
          expires_at: session.expiresAt,
          created_at: session.createdAt,
        })
        .execute();
    },
    async getSession(tokenHash, now) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row === undefined ? null : fromSessionRow(row);
    },
    async deleteSession(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async deleteSessionsOf(accountId) {
      const { numDeletedRows } = await db
        .deleteFrom('sessions')
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return Number(numDeletedRows);
    },

    async appendAudit(entry) {
      await db
        .insertInto('audit_log')
        .values({ ...entry, detail: JSON.stringify(entry.detail) })
        .execute();
    },
    async listAudit(query) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      return rows.map((r): AuditEntry => ({ ...r, detail: JSON.parse(r.detail) as AuditEntry['detail'] }));
    },
  };
}
