import { useEffect, useState } from 'preact/hooks';
import { useAdmin } from '../app/context.ts';
import { usePageTitle } from '../app/page-title.ts';
import { field } from '../forms/bind.ts';
import { DataTable, Listing } from '../forms/data-table.tsx';
import { ErrorSummary, LiveStatus } from '../forms/error-summary.tsx';
import { handleSubmit } from '../forms/handle-submit.ts';
import { SelectField, TextField } from '../forms/inputs.tsx';
import { AccountRow, ROLES } from './account-row.tsx';
import { createAccounts } from './accounts-model.ts';

/** Admins only: who can sign in, with what role; new accounts. */
export function AccountsPage() {
  const { api, session } = useAdmin();
  const [m] = useState(() => createAccounts(api));
  useEffect(() => void m.load(), []);
  usePageTitle('Accounts');
  const list = m.list.value;
  const me = session.account.value?.id;
  return (
    <>
      <div class="page-head">
        <h1>Accounts</h1>
      </div>
      <LiveStatus text={m.status.value} />
      <Listing items={list} loading={m.problem.value ?? 'Loading accounts…'} empty="No accounts.">
        {(accounts) => (
          <DataTable caption="Accounts" columns={['Email', 'Role', 'State', { sr: 'Actions' }]}>
            {accounts.map((a) => (
              <AccountRow key={a.id} a={a} m={m} self={a.id === me} />
            ))}
          </DataTable>
        )}
      </Listing>
      <form class="card form" aria-labelledby="new-account" onSubmit={handleSubmit(() => m.create())}>
        <h2 id="new-account">New account</h2>
        <ErrorSummary message={m.problem.value} fields={m.errors.value} />
        <div class="row">
          <TextField label="Email" type="email" {...field(m, 'email')} />
          <TextField
            label="Password"
            type="password"
            autocomplete="new-password"
            hint="At least 12 characters."
            {...field(m, 'password')}
          />
          <SelectField label="Role" options={ROLES} {...field(m, 'role')} />
        </div>
        <button type="submit" class="button primary" disabled={m.busy.value}>
          Create account
        </button>
      </form>
    </>
  );
}
