import { signal } from '@preact/signals';
import type { Account, AccountInput, AccountPatch } from '../../server/schema/account.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { type FieldErrors, problemOf } from '../forms/form-errors.ts';

/**
 * Admins' account management: the list, creating an account, and changing one's role, password or
 * whether it is disabled. Each change says how it went in `status`.
 *
 * @example const accounts = createAccounts(api); await accounts.load(); await accounts.update('acc_2', { role: 'viewer' });
 */
export function createAccounts(api: HeraldApi) {
  const list = signal<Account[] | null>(null);
  const problem = signal<string | null>(null);
  const errors = signal<FieldErrors>({});
  const status = signal('');
  const busy = signal(false);

  const replace = (a: Account) => {
    list.value = (list.value ?? []).map((x) => (x.id === a.id ? a : x));
  };

  return {
    list,
    problem,
    errors,
    status,
    busy,
    async load() {
      try {
        list.value = await api.accounts.list();
      } catch (e) {
        problem.value = problemOf(e).message;
      }
    },
    async create(input: AccountInput): Promise<boolean> {
      busy.value = true;
      try {
        const a = await api.accounts.create(input);
        list.value = [...(list.value ?? []), a];
        [errors.value, problem.value, status.value] = [{}, null, `Account ${a.email} created.`];
        return true;
      } catch (e) {
        const p = problemOf(e);
        [errors.value, problem.value, status.value] = [p.fields, p.message, 'Account not created.'];
        return false;
      } finally {
        busy.value = false;
      }
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
