import { useAdmin } from '../app/context.ts';
import { PageHead } from '../app/page-head.tsx';
import { useRunning } from '../app/use-running.ts';
import { Alert, DataTable, LinkCell, Listing } from '../forms/data-table.tsx';
import { SelectField } from '../forms/inputs.tsx';
import { FollowedRelease } from '../releases/release-status.tsx';
import { createMessageList } from './messages-model.ts';
import { Sparkline } from './sparkline.tsx';
import { StatusBadge, scheduleText } from './status-badge.tsx';

const KINDS = { announcement: 'Announcement', tooltip: 'Tooltip', survey: 'Survey' } as const;
const FILTER = [
  ['all', 'All but archived'],
  ['draft', 'Drafts'],
  ['live', 'Live'],
  ['paused', 'Paused'],
  ['archived', 'Archived'],
] as const;

/** A site's messages: kind, status, schedule and a live impressions trend, with links to edit and results. */
export function MessagesPage({ siteId }: { siteId: string }) {
  const { api, router, session } = useAdmin();
  const list = useRunning(() => createMessageList(api, siteId));
  const rows = list.shown.value;
  const trends = list.trends.value;
  const releases = list.releases.value;
  return (
    <>
      <PageHead title="Messages">
        {session.canWrite.value && (
          <button
            type="button"
            class="button primary"
            onClick={() => router.navigate(`/sites/${siteId}/messages/new`)}
          >
            New message
          </button>
        )}
      </PageHead>
      <div class="toolbar">
        <SelectField
          label="Show"
          path="status-filter"
          options={FILTER}
          value={list.status.value}
          onValue={(v) => {
            list.status.value = v;
          }}
        />
      </div>
      <Alert text={list.error.value} />
      <Listing items={list.messages.value && rows} loading="Loading messages…" empty="No messages here yet.">
        {(shown) => (
          <DataTable
            caption="Messages"
            columns={[
              'Name',
              'Kind',
              'Status',
              'Release',
              'Schedule',
              'Impressions, 14 days',
              { sr: 'Results' },
            ]}
          >
            {shown.map((m) => {
              const release = releases.find((r) => r.id === m.releaseId);
              return (
                <tr key={m.id}>
                  <th scope="row">
                    <a href={router.href(`/messages/${m.id}`)}>{m.name}</a>
                  </th>
                  <td>{KINDS[m.kind]}</td>
                  <td>
                    <StatusBadge status={m.status} release={release?.status} />
                  </td>
                  <td>
                    <FollowedRelease release={release} id={m.releaseId} />
                  </td>
                  <td>{scheduleText(m.schedule)}</td>
                  <td>
                    <Sparkline values={trends?.messages[m.id] ?? []} label={m.name} />
                  </td>
                  <LinkCell href={router.href(`/messages/${m.id}/results`)} label={`Results of ${m.name}`}>
                    Results
                  </LinkCell>
                </tr>
              );
            })}
          </DataTable>
        )}
      </Listing>
    </>
  );
}
