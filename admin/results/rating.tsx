import type { SurveyScale } from '../../server/schema/message.ts';
import type { Nps, Rating } from '../../server/schema/results.ts';
import { average, count } from './format.ts';

const FACES = ['😞', '🙁', '😐', '🙂', '😄'];

/** The words for one answer value on a scale: "4 ★", "👍", "🙂 (4)", "9". */
export function valueLabel(scale: SurveyScale | undefined, value: string): string {
  const n = Number(value);
  if (scale === 'stars5') return `${n} ★`;
  if (scale === 'thumbs') return n === 1 ? '👍 Up' : '👎 Down';
  if (scale === 'emoji5') return `${FACES[n - 1] ?? ''} ${n}`;
  return value;
}

/** Every answer a scale allows, so a value nobody gave still shows as an empty bar. */
function scaleValues(scale: SurveyScale | undefined): string[] {
  if (scale === 'thumbs') return ['0', '1'];
  if (scale === 'nps') return Array.from({ length: 11 }, (_, i) => String(i));
  return scale ? ['1', '2', '3', '4', '5'] : [];
}

/** How many gave each answer, as bars, with the average. */
export function RatingBars({ rating, scale }: { rating: Rating; scale: SurveyScale | undefined }) {
  const values = new Set([...scaleValues(scale), ...Object.keys(rating.distribution)]);
  const entries = [...values]
    .map((v): [string, number] => [v, rating.distribution[v] ?? 0])
    .sort(([a], [b]) => Number(a) - Number(b));
  const top = Math.max(1, ...entries.map(([, n]) => n));
  return (
    <section class="card" aria-labelledby="rating-title">
      <h2 id="rating-title">Ratings</h2>
      <p class="big">
        {average(rating.average)} <span class="muted">average of {count(rating.count)}</span>
      </p>
      <dl class="bars">
        {entries.map(([value, n]) => (
          <div key={value} class="step">
            <dt>{valueLabel(scale, value)}</dt>
            <dd>
              <span class="num">{count(n)}</span>
              <span class="bar" aria-hidden="true">
                <span style={{ width: `${(n / top) * 100}%` }} />
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Net promoter score and its three groups. */
export function NpsCard({ nps }: { nps: Nps }) {
  const total = Math.max(1, nps.count);
  const part = (n: number) => `${Math.round((n / total) * 100)}%`;
  return (
    <section class="card" aria-labelledby="nps-title">
      <h2 id="nps-title">NPS</h2>
      <p class="big">
        {nps.score === null ? '–' : Math.round(nps.score)}{' '}
        <span class="muted">from {count(nps.count)} answers</span>
      </p>
      <div class="stack" aria-hidden="true">
        <span class="detractors" style={{ width: part(nps.detractors) }} />
        <span class="passives" style={{ width: part(nps.passives) }} />
        <span class="promoters" style={{ width: part(nps.promoters) }} />
      </div>
      <ul class="legend">
        <li>Promoters (9–10): {count(nps.promoters)}</li>
        <li>Passives (7–8): {count(nps.passives)}</li>
        <li>Detractors (0–6): {count(nps.detractors)}</li>
      </ul>
    </section>
  );
}
