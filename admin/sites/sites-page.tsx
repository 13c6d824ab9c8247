import { useAdmin } from '../app/context.ts';
import { PageHead } from '../app/page-head.tsx';
import { field } from '../forms/bind.ts';
import { Alert, DataTable, LinkCell, Listing } from '../forms/data-table.tsx';
import { handleSubmit } from '../forms/handle-submit.ts';
import { TextField } from '../forms/inputs.tsx';

/** Every site with its public key and links to its messages and settings; admins create one. */
export function SitesPage() {
  const { sites, session, router } = useAdmin();
  return (
    <>
      <PageHead title="Sites" />
      <Alert text={sites.error.value} />
      <Listing items={sites.list.value} loading="Loading sites…" empty="No sites yet.">
        {(list) => (
          <DataTable caption="Sites" columns={['Name', 'Public key', 'Default locale', { sr: 'Links' }]}>
            {list.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <a href={router.href(`/sites/${s.id}/messages`)}>{s.name}</a>
                </th>
                <td>
                  <code>{s.publicKey}</code>
                </td>
                <td>{s.defaultLocale}</td>
                <LinkCell href={router.href(`/sites/${s.id}/settings`)} label={`Settings for ${s.name}`}>
                  Settings
                </LinkCell>
              </tr>
            ))}
          </DataTable>
        )}
      </Listing>
      {session.isAdmin.value && (
        <form
          class="card inline-form"
          aria-labelledby="new-site"
          onSubmit={handleSubmit(async () => {
            const site = await sites.create();
            if (site) {
              sites.select(site.id);
              router.navigate(`/sites/${site.id}/settings`);
            }
          })}
        >
          <h2 id="new-site">New site</h2>
          <Alert text={sites.newSite.problem.value} />
          <TextField label="Site name" {...field(sites.newSite, 'name')} />
          <button type="submit" class="button primary" disabled={sites.newSite.busy.value}>
            Create site
          </button>
        </form>
      )}
    </>
  );
}
