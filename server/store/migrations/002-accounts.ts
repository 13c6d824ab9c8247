import type { Migration } from 'kysely';
import { schemaMigration } from './schema-change.ts';

/**
 * Admin accounts, their sessions and the audit log. Portable types only (text, integer), like the first
 * migration, so it runs on SQLite, D1 and PostgreSQL.
 */
export const accounts: Migration = schemaMigration({
  tables: {
    accounts: {
      columns: {
        id: 'text primary key',
        email: 'text not null unique',
        role: 'text not null',
        disabled: 'integer not null default 0',
        password_hash: 'text not null',
        created_at: 'text not null',
        updated_at: 'text not null',
      },
    },
    // Only a hash of the session token is kept: a leaked database holds no usable cookie.
    sessions: {
      columns: {
        token_hash: 'text primary key',
        account_id: 'text not null references accounts.id on delete cascade',
        csrf_token: 'text not null',
        expires_at: 'text not null',
        created_at: 'text not null',
      },
    },
    // No foreign keys: the log outlives what it mentions.
    audit_log: {
      columns: {
        id: 'text primary key',
        at: 'text not null',
        actor: 'text not null',
        action: 'text not null',
        target: 'text',
        detail: 'text not null',
      },
    },
  },
  indexes: {
    sessions_account: { on: 'sessions', columns: ['account_id'] },
    sessions_expires: { on: 'sessions', columns: ['expires_at'] },
    audit_log_at: { on: 'audit_log', columns: ['at', 'id'] },
  },
});
