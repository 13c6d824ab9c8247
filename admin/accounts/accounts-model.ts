import { signal } from '@preact/signals';
import type { Account, AccountInput, AccountPatch, Role } from '../../server/schema/account.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { loadInto, problemOf } from '../forms/form-errors.ts';
import { createFormModel } from '../forms/form-model.ts';

const blankAccount = (role: Role = 'editor'): AccountInput => ({ email: '', password: '', role });

/**
 * Admins' account management: the list, creating an account, and changing one's role, password or
 * whether it is disabled. Each change says how it went in `status`.
 *
 * @example const accounts = createAccounts(api); await accounts.load(); await accounts.update('acc_2', { role: 'viewer' });
 */
export function createAccounts(api: HeraldApi) {
  const list = signal<Account[] | null>(null);
  /** The new account being typed; its problems, status and busy flag are the page's. */
  const form = createFormModel<AccountInput>(blankAccount());
  const { problem, status } = form;

  const replace = (a: Account) => {
    list.value = (list.value ?? []).map((x) => (x.id === a.id ? a : x));
  };

  return {
    ...form,
    list,
    async load() {
      await loadInto(list, () => api.accounts.list(), problem);
    },
    /** Creates the account typed in the form; the form starts again empty (same role) once it exists. */
    async create(): Promise<boolean> {
      const input = { ...form.draft.value, email: form.draft.value.email.trim() };
      const a = await form.submit(() => api.accounts.create(input), { failed: 'Account not created' });
      if (!a) return false;
      list.value = [...(list.value ?? []), a];
      form.draft.value = blankAccount(input.role);
      status.value = `Account ${a.email} created.`;
      return true;
    },
    async update(id: string, patch: AccountPatch): Promise<boolean> {
      try {
        const a = await api.accounts.update(id, patch);
        replace(a);
        status.value = `${a.email} updated.`;
        return true;
      } catch (e) {
        status.value = `Not changed: ${problemOf(e).message}`;
        return false;
      }
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
