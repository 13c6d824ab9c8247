import { useState } from 'preact/hooks';
import type { Account, Role } from '../../server/schema/account.ts';
import { handleSubmit } from '../forms/handle-submit.ts';
import type { Accounts } from './accounts-model.ts';

export const ROLES: [Role, string][] = [
  ['admin', 'Admin'],
  ['editor', 'Editor'],
  ['viewer', 'Viewer'],
];

/** One account: its role (changed at once), enable/disable, and setting a new password. */
export function AccountRow({ a, m, self }: { a: Account; m: Accounts; self: boolean }) {
  const [password, setPassword] = useState('');
  const [open, setOpen] = useState(false);
  const id = `acc-${a.id}`;
  return (
    <tr>
      <th scope="row">
        {a.email}
        {self && <span class="muted"> (you)</span>}
      </th>
      <td>
        <label class="sr-only" for={`${id}-role`}>
          Role for {a.email}
        </label>
        <select
          id={`${id}-role`}
          value={a.role}
          disabled={self}
          onChange={(e) => m.update(a.id, { role: e.currentTarget.value as Role })}
        >
          {ROLES.map(([r, label]) => (
            <option key={r} value={r}>
              {label}
            </option>
          ))}
        </select>
      </td>
      <td>{a.disabled ? 'Disabled' : 'Active'}</td>
      <td class="links">
        {!self && (
          <button
            type="button"
            class="button small"
            onClick={() => m.update(a.id, { disabled: !a.disabled })}
          >
            {a.disabled ? 'Enable' : 'Disable'}
            <span class="sr-only"> {a.email}</span>
          </button>
        )}{' '}
        <button type="button" class="button small ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
          Set password<span class="sr-only"> for {a.email}</span>
        </button>
        {open && (
          <form
            class="inline-form"
            onSubmit={handleSubmit(async () => {
              if (await m.update(a.id, { password })) [setPassword(''), setOpen(false)];
            })}
          >
            <label for={`${id}-password`}>New password for {a.email}</label>
            <input
              id={`${id}-password`}
              type="password"
              autocomplete="new-password"
              minLength={12}
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
            <button type="submit" class="button small primary">
              Save password
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
