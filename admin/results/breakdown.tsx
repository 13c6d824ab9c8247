import { useState } from 'preact/hooks';
import type { Results } from '../../server/schema/results.ts';
import { DataTable } from '../forms/data-table.tsx';
import { handleSubmit } from '../forms/handle-submit.ts';
import { average, count, percent } from './format.ts';
import type { ResultsModel } from './results-model.ts';

function Table({ r }: { r: Results }) {
  const groups = r.groups ?? [];
  if (groups.length === 0) return <p>No activity from users with this trait yet.</p>;
  const nps = groups.some((g) => g.nps !== null);
  return (
    <DataTable
      caption={`Results by ${r.by}`}
      columns={[
        r.by?.replace(/^trait:/, '') ?? 'Group',
        'Viewers',
        'Impressions',
        'Click rate',
        'Dismiss rate',
        'Responses',
        'Average rating',
        ...(nps ? ['NPS'] : []),
      ]}
    >
      {groups.map((g) => (
        <tr key={g.key ?? '(none)'}>
          <th scope="row">{g.key ?? <em>not set</em>}</th>
          <td>{count(g.viewers)}</td>
          <td>{count(g.impressions)}</td>
          <td>{percent(g.clickRate)}</td>
          <td>{percent(g.dismissRate)}</td>
          <td>{count(g.responses)}</td>
          <td>{average(g.rating.average)}</td>
          {nps && <td>{g.nps?.score === null || !g.nps ? '–' : Math.round(g.nps.score)}</td>}
        </tr>
      ))}
    </DataTable>
  );
}

/** Results split by any trait the users carry (city, plan…), typed by name. */
export function Breakdown({ r }: { r: ResultsModel }) {
  const [trait, setTrait] = useState(r.by.value);
  const problem = r.byError.value;
  return (
    <section class="card" aria-labelledby="breakdown-title">
      <h2 id="breakdown-title">Breakdown</h2>
      <form class="inline-form" onSubmit={handleSubmit(() => r.setBy(trait))}>
        <div class={problem ? 'field invalid' : 'field'}>
          <label for="breakdown-trait">Break down by trait</label>
          <input
            id="breakdown-trait"
            class="mono"
            placeholder="city"
            value={trait}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? 'breakdown-trait-error' : undefined}
            onInput={(e) => setTrait(e.currentTarget.value)}
          />
          {problem && (
            <p id="breakdown-trait-error" class="error">
              {problem}
            </p>
          )}
        </div>
        <button type="submit" class="button">
          Show breakdown
        </button>
      </form>
      {r.breakdown.value && <Table r={r.breakdown.value} />}
    </section>
  );
}
