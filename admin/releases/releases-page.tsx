import { signal } from '@preact/signals';
import type { Release } from '../../server/schema/release.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { useAdmin } from '../app/context.ts';
import { PageHead } from '../app/page-head.tsx';
import { createPoller } from '../app/poller.ts';
import { useRunning } from '../app/use-running.ts';
import { Alert, DataTable, Listing } from '../forms/data-table.tsx';
import { loadInto } from '../forms/form-errors.ts';
import { phaseText, ReleaseStatusBadge } from './release-status.tsx';

/**
 * A site's releases, refreshed every few seconds while visible (a guardrail may pause one meanwhile).
 *
 * @example const list = createReleaseList(api, 'site_1'); list.start(); … list.stop();
 */
export function createReleaseList(api: HeraldApi, siteId: string) {
  const releases = signal<Release[] | null>(null);
  const error = signal<string | null>(null);
  const poller = createPoller(() => loadInto(releases, () => api.releases.list(siteId), error), 5000);
  return { releases, error, start: poller.start, stop: poller.stop };
}

/** A site's releases: name, key, status and current phase, each linking to its page. */
export function ReleasesPage({ siteId }: { siteId: string }) {
  const { api, router, session } = useAdmin();
  const list = useRunning(() => createReleaseList(api, siteId));
  return (
    <>
      <PageHead title="Releases">
        {session.canWrite.value && (
          <a class="button primary" href={router.href(`/sites/${siteId}/releases/new`)}>
            New release
          </a>
        )}
      </PageHead>
      <p class="muted">
        A release rolls a feature out in phases; the messages attached to it reach only the users it exposes.
      </p>
      <Alert text={list.error.value} />
      <Listing items={list.releases.value} loading="Loading releases…" empty="No releases here yet.">
        {(releases) => (
          <DataTable caption="Releases" columns={['Name', 'Key', 'Status', 'Current phase']}>
            {releases.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <a href={router.href(`/releases/${r.id}`)}>{r.name}</a>
                </th>
                <td>
                  <code>{r.key}</code>
                </td>
                <td>
                  <ReleaseStatusBadge status={r.status} />
                </td>
                <td>{phaseText(r)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Listing>
    </>
  );
}
