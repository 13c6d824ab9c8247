import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry } from '../../server/schema/account.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { useAdmin } from '../app/context.ts';
import { usePageTitle } from '../app/page-title.ts';
import { Alert, DataTable, Listing } from '../forms/data-table.tsx';
import { problemOf } from '../forms/form-errors.ts';
import { when } from '../results/format.ts';

const LIMIT = 50;

/** The audit log a page at a time, newest first. */
export function createAudit(api: HeraldApi) {
  const entries = signal<AuditEntry[] | null>(null);
  const offset = signal(0);
  const problem = signal<string | null>(null);
  const load = async (at: number) => {
    try {
      entries.value = await api.audit.list(LIMIT, at);
      offset.value = at;
      problem.value = null;
    } catch (e) {
      problem.value = problemOf(e).message;
    }
  };
  return { entries, offset, problem, load };
}

const detailText = (d: unknown) =>
  d === null || d === undefined ? '' : typeof d === 'string' ? d : JSON.stringify(d);

/** Admins only: who changed what, when. */
export function AuditPage() {
  const { api } = useAdmin();
  const [m] = useState(() => createAudit(api));
  useEffect(() => void m.load(0), []);
  usePageTitle('Audit log');
  const rows = m.entries.value;
  return (
    <>
      <div class="page-head">
        <h1>Audit log</h1>
      </div>
      <Alert text={m.problem.value} />
      <Listing items={m.entries.value} loading="Loading…" empty="Nothing recorded here.">
        {(entries) => (
          <DataTable caption="Audit log" columns={['When', 'Who', 'What', 'Target', 'Detail']}>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{when(e.at)}</td>
                <td>{e.actor}</td>
                <td class="mono">{e.action}</td>
                <td class="mono">{e.target ?? ''}</td>
                <td class="detail">{detailText(e.detail)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Listing>
      <div class="pager">
        <button
          type="button"
          class="button small"
          disabled={m.offset.value === 0}
          onClick={() => m.load(Math.max(0, m.offset.value - LIMIT))}
        >
          Newer
        </button>
        <button
          type="button"
          class="button small"
          disabled={(rows?.length ?? 0) < LIMIT}
          onClick={() => m.load(m.offset.value + LIMIT)}
        >
          Older
        </button>
      </div>
    </>
  );
}
