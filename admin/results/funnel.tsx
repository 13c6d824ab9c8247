import type { ResultsSummary } from '../../server/schema/results.ts';
import { count, percent } from './format.ts';

const STEPS = [
  ['impressions', 'Impressions', null],
  ['viewers', 'Viewers', null],
  ['clicks', 'Clicks', 'clickRate'],
  ['dismissals', 'Dismissals', 'dismissRate'],
  ['responses', 'Responses', 'responseRate'],
] as const;

/** Impressions → viewers → clicks, dismissals, responses, with each rate over viewers (each counted once). */
export function Funnel({ s }: { s: ResultsSummary }) {
  const top = Math.max(1, s.impressions);
  return (
    <section class="card" aria-labelledby="funnel-title">
      <h2 id="funnel-title">Funnel</h2>
      <dl class="funnel">
        {STEPS.map(([key, label, rate]) => (
          <div key={key} class="step">
            <dt>{label}</dt>
            <dd>
              <span class="num">{count(s[key])}</span>
              {rate && <span class="rate">{percent(s[rate])} of viewers</span>}
              <span class="bar" aria-hidden="true">
                <span style={{ width: `${(s[key] / top) * 100}%` }} />
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
