import type { Kysely } from 'kysely';
import type { Account, AuditEntry, Role } from '../schema/account.ts';
import { fromRow, insertNew, toRow } from './rows.ts';
import type { AccountStore, StoredAccount } from './store.ts';
import type { AccountsTable, Tables } from './tables.ts';

/** The column of each account field; `disabled` is stored as 1 or 0. */
const ACCOUNT_COLUMNS = {
  id: 'id',
  email: 'email',
  role: 'role',
  disabled: 'disabled',
  passwordHash: 'password_hash',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const;

/** The column of each session field. */
const SESSION_COLUMNS = {
  tokenHash: 'token_hash',
  accountId: 'account_id',
  csrfToken: 'csrf_token',
  expiresAt: 'expires_at',
  createdAt: 'created_at',
} as const;

function accountRow(a: StoredAccount): AccountsTable {
  return { ...toRow(ACCOUNT_COLUMNS, a), disabled: a.disabled ? 1 : 0 };
}

function fromAccountRow(r: AccountsTable): StoredAccount {
  return { ...fromRow(ACCOUNT_COLUMNS, r), role: r.role as Role, disabled: Number(r.disabled) === 1 };
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
    createAccount: (account) => insertNew(db, 'accounts', accountRow(account)),
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
      await db.insertInto('sessions').values(toRow(SESSION_COLUMNS, session)).execute();
    },
    async getSession(tokenHash, now) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row === undefined ? null : fromRow(SESSION_COLUMNS, row);
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
