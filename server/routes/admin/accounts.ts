import { z } from 'zod';
import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { adminResource, adminRoute, json, routeApp } from '../../http/routes.ts';
import { Account, AccountInput, AccountPatch, AuditPage } from '../../schema/account.ts';
import { publicAccount } from '../../store/accounts-query.ts';
import type { StoredAccount } from '../../store/store.ts';

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const duplicate = (email: string) => new ApiError(409, 'duplicate_email', `an account for ${email} exists`);

/** Whether an account counts towards "there is still an admin". */
const activeAdmin = (a: { role: string; disabled: boolean }) => a.role === 'admin' && !a.disabled;

const accounts = adminResource('accounts', Account, '/accounts', '/accounts/{id}');
const list = accounts.list('List accounts (admins only)', 'Every account');
const create = accounts.create('Create an account (admins only)', AccountInput, 'The new account');
const update = accounts.update('Change a role or password, or disable', AccountPatch, 'The changed account', {
  description: 'Signs the account out; the last admin stays',
});
const audit = adminRoute('get', '/audit', 'The audit log, newest first (?limit, ?offset; admins only)', {
  request: { query: AuditQuery },
  responses: { 200: json(AuditPage, 'One page of the log') },
});

/**
 * /api/accounts and /api/audit (admins only, by the permission table): who may sign in, with which role,
 * and what everyone changed. A role change, a new password or disabling signs the account out everywhere.
 */
export function accountRoutes(deps: RouteDeps) {
  return routeApp()
    .openapi(list, async (c) => c.json({ accounts: await deps.store.listAccounts() }, 200))
    .openapi(create, async (c) => {
      const input = c.req.valid('json');
      if ((await deps.store.getAccountByEmail(input.email)) !== null) throw duplicate(input.email);
      const now = deps.clock().toISOString();
      const account: StoredAccount = {
        id: deps.ids('acct'),
        email: input.email,
        role: input.role,
        disabled: false,
        createdAt: now,
        updatedAt: now,
        passwordHash: await deps.passwords.hash(input.password),
      };
      if (!(await deps.store.createAccount(account))) throw duplicate(input.email);
      return c.json(publicAccount(account), 201);
    })
    .openapi(update, async (c) => {
      const account = await deps.store.getAccount(c.req.valid('param').id);
      if (account === null) throw new ApiError(404, 'not_found', 'account not found');
      const patch = c.req.valid('json');
      const role = patch.role ?? account.role;
      const disabled = patch.disabled ?? account.disabled;
      if (activeAdmin(account) && !activeAdmin({ role, disabled })) {
        const admins = await deps.store.countAccounts({ role: 'admin', disabled: false });
        if (admins <= 1)
          throw new ApiError(409, 'last_admin', 'this is the last admin: make another account admin first');
      }
      const updated: StoredAccount = {
        ...account,
        role,
        disabled,
        passwordHash: patch.password ? await deps.passwords.hash(patch.password) : account.passwordHash,
        updatedAt: deps.clock().toISOString(),
      };
      await deps.store.updateAccount(updated);
      if (role !== account.role || (disabled && !account.disabled) || patch.password !== undefined)
        await deps.store.deleteSessionsOf(account.id);
      return c.json(publicAccount(updated), 200);
    })
    .openapi(audit, async (c) => {
      const page: AuditPage = { entries: await deps.store.listAudit(c.req.valid('query')) };
      return c.json(page, 200);
    });
}
