import { useEffect, useState } from 'preact/hooks';
import { usesInWords } from '../../server/core/segments.ts';
import type { SegmentListed } from '../../server/schema/segment.ts';
import { useAdmin } from '../app/context.ts';
import { PageHead } from '../app/page-head.tsx';
import { AudienceBox } from '../audience/audience-box.tsx';
import { field } from '../forms/bind.ts';
import { ConfirmButton } from '../forms/confirm-button.tsx';
import { DataTable, Listing } from '../forms/data-table.tsx';
import { ErrorSummary, LiveStatus } from '../forms/error-summary.tsx';
import { handleSubmit } from '../forms/handle-submit.ts';
import { TextField } from '../forms/inputs.tsx';
import { createSegmentsPage, type SegmentsPageModel } from './segments-model.ts';

function SegmentRow({ s, m, canWrite }: { s: SegmentListed; m: SegmentsPageModel; canWrite: boolean }) {
  return (
    <tr>
      <th scope="row">
        {s.name}
        {s.description && <p class="hint">{s.description}</p>}
      </th>
      <td>
        <code class="condition">{JSON.stringify(s.condition)}</code>
      </td>
      <td>{s.usedBy.length > 0 ? usesInWords(s.usedBy) : <span class="muted">Nothing yet</span>}</td>
      <td class="links">
        {canWrite && (
          <>
            <button type="button" class="button small" onClick={() => m.edit(s)}>
              Edit<span class="sr-only"> {s.name}</span>
            </button>{' '}
            <ConfirmButton
              label={`Delete ${s.name}`}
              title={`Delete segment “${s.name}”?`}
              message={
                s.usedBy.length > 0
                  ? `It cannot be deleted while ${usesInWords(s.usedBy)} use it.`
                  : 'Nothing uses it. It is deleted for good.'
              }
              confirmLabel="Delete segment"
              onConfirm={() => void m.remove(s)}
            />
          </>
        )}
      </td>
    </tr>
  );
}

/**
 * A site's saved segments: named audiences ("Texas": city in Austin, Dallas, Houston…) that messages and
 * release phases include by name, edited here once for all of them.
 */
export function SegmentsPage({ siteId }: { siteId: string }) {
  const { api, segments, session } = useAdmin();
  const [m] = useState(() => createSegmentsPage(api, segments, siteId));
  useEffect(() => void m.load(), []);
  const editing = m.editing.value;
  const canWrite = session.canWrite.value;
  return (
    <>
      <PageHead title="Segments" />
      <p class="hint">
        Named audiences that messages and release phases include by name. A change here reaches every message
        and phase that uses the segment at once.
      </p>
      <LiveStatus text={m.status.value} />
      <Listing
        items={m.list.value}
        loading={m.loadProblem.value ?? 'Loading segments…'}
        empty="No segments yet."
      >
        {(list) => (
          <DataTable caption="Segments" columns={['Name', 'Audience', 'Used by', { sr: 'Actions' }]}>
            {list.map((s) => (
              <SegmentRow key={s.id} s={s} m={m} canWrite={canWrite} />
            ))}
          </DataTable>
        )}
      </Listing>
      {canWrite && (
        <form
          class="card form"
          aria-labelledby="segment-form-title"
          noValidate
          onSubmit={handleSubmit(async () => {
            if (await m.save()) document.getElementById('segment-form-title')?.focus();
          })}
        >
          <h2 id="segment-form-title" tabIndex={-1}>
            {editing ? `Edit segment “${editing.name}”` : 'New segment'}
          </h2>
          {editing && editing.usedBy.length > 0 && (
            <p class="hint">Used by {usesInWords(editing.usedBy)}: they follow a change at once.</p>
          )}
          <ErrorSummary message={m.problem.value} fields={m.errors.value} />
          <div class="row">
            <TextField label="Name" placeholder="Texas" {...field(m, 'name')} />
            <TextField label="Description" {...field(m, 'description')} />
          </div>
          <AudienceBox
            ed={m.audience}
            legend="Segment audience"
            path="condition"
            errors={m.errors.value}
            hint="Who is in the segment, by user traits. A segment cannot include another segment."
            segments={[]}
          />
          <div class="actions">
            <button type="submit" class="button primary" disabled={m.busy.value}>
              {editing ? 'Save segment' : 'Create segment'}
            </button>
            {editing && (
              <button type="button" class="button ghost" onClick={() => m.cancel()}>
                Cancel
              </button>
            )}
          </div>
        </form>
      )}
    </>
  );
}
