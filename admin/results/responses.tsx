import { useState } from 'preact/hooks';
import type { SurveyScale } from '../../server/schema/message.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { DataTable, Listing } from '../forms/data-table.tsx';
import { handleSubmit } from '../forms/handle-submit.ts';
import { when } from './format.ts';
import { valueLabel } from './rating.tsx';
import { PAGE, type ResultsModel } from './results-model.ts';

type Props = { r: ResultsModel; api: HeraldApi; messageId: string; scale: SurveyScale | undefined };

/** Individual responses with their comments, searchable and paged, and the CSV export of all of them. */
export function Responses({ r, api, messageId, scale }: Props) {
  const [text, setText] = useState(r.q.value);
  const rows = r.responses.value;
  return (
    <section class="card" aria-labelledby="responses-title">
      <div class="section-head">
        <h2 id="responses-title">Responses</h2>
        <a class="button small" href={api.results.csvUrl(messageId, r.q.value)} download>
          Export CSV
        </a>
      </div>
      <form class="inline-form" onSubmit={handleSubmit(() => r.search(text))}>
        <div class="field">
          <label for="responses-q">Search responses</label>
          <input
            id="responses-q"
            type="search"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button">
          Search
        </button>
      </form>
      <Listing
        items={rows}
        loading="Loading responses…"
        empty={r.q.value ? 'No responses match.' : 'No responses yet.'}
      >
        {(list) => (
          <DataTable caption="Responses" columns={['When', 'User', 'Answer', 'Comment']}>
            {list.map((x) => (
              <tr key={x.id}>
                <td>{when(x.at)}</td>
                <td class="mono">{x.userId ?? x.anonymousId ?? '–'}</td>
                <td>{x.value === null ? '–' : valueLabel(scale, String(x.value))}</td>
                <td class="comment">{x.text ?? ''}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Listing>
      <div class="pager">
        <button type="button" class="button small" disabled={r.offset.value === 0} onClick={() => r.page(-1)}>
          Previous page
        </button>
        <button
          type="button"
          class="button small"
          disabled={(rows?.length ?? 0) < PAGE}
          onClick={() => r.page(1)}
        >
          Next page
        </button>
      </div>
    </section>
  );
}
