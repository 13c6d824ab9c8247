import type { UserLookup } from '../../server/schema/insights.ts';
import { DataTable } from '../forms/data-table.tsx';
import { reasonText } from '../preview/reasons.ts';
import { when } from '../results/format.ts';

const shown = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const at = (iso: string | null) => (iso ? when(iso) : '–');

/** One user's traits, releases (exposed or why not) and messages (seen, dismissed, answered). */
export function UserDetails({ u, messageHref }: { u: UserLookup; messageHref: (id: string) => string }) {
  const traits = Object.entries(u.traits);
  return (
    <>
      <section class="card" aria-labelledby="traits-title">
        <h2 id="traits-title">Traits</h2>
        <p class="muted">Last seen {at(u.lastSeenAt)}</p>
        {traits.length === 0 ? (
          <p>No traits known.</p>
        ) : (
          <dl class="traits">
            {traits.map(([k, v]) => (
              <div key={k}>
                <dt class="mono">{k}</dt>
                <dd>{shown(v)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section class="card" aria-labelledby="releases-title">
        <h2 id="releases-title">Releases</h2>
        {u.releases.length === 0 ? (
          <p>No releases on this site.</p>
        ) : (
          <ul class="plain-list">
            {u.releases.map((r) => (
              <li key={r.id}>
                <strong>{r.name}</strong>{' '}
                <span class={`badge ${r.enabled ? 'live' : 'paused'}`}>
                  {r.enabled ? 'Exposed' : 'Not exposed'}
                </span>
                {r.phase && <span class="muted"> · phase {r.phase}</span>}
                {r.holdout && <span class="muted"> · in holdout</span>}
                <p class="muted">{r.reason}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="user-messages-title">
        <h2 id="user-messages-title">Messages</h2>
        <DataTable
          caption="Messages"
          columns={[
            'Message',
            'Impressions',
            'Last seen',
            'Dismissed',
            'Clicked',
            'Answered',
            'Would see it now',
          ]}
        >
          {u.messages.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <a href={messageHref(m.id)}>{m.name}</a>
              </th>
              <td>{m.impressions}</td>
              <td>{at(m.lastSeenAt)}</td>
              <td>{at(m.dismissedAt)}</td>
              <td>{at(m.clickedAt)}</td>
              <td>
                {m.responses.length === 0
                  ? '–'
                  : m.responses
                      .map((r) => [r.value, r.text].filter((x) => x !== null).join(' · '))
                      .join('; ')}
              </td>
              <td>
                {m.shown ? 'Yes' : `No: ${reasonText(m.reason)}`}
                {m.detail && <span class="muted"> ({m.detail})</span>}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
