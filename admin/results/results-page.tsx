import { useEffect, useState } from 'preact/hooks';
import { lazy } from '../../widget/ui/lazy.tsx';
import { useAdmin } from '../app/context.ts';
import { usePageTitle } from '../app/page-title.ts';
import { Alert } from '../forms/data-table.tsx';
import { SelectField } from '../forms/inputs.tsx';
import { StatusBadge } from '../messages/status-badge.tsx';
import { DemoDataNotice } from '../sites/demo-data-notice.tsx';
import { Breakdown } from './breakdown.tsx';
import { Funnel } from './funnel.tsx';
import { NpsCard, RatingBars } from './rating.tsx';
import { Responses } from './responses.tsx';
import { createResults } from './results-model.ts';
import { TimeTable } from './time-table.tsx';

// uPlot is most of this page's code: a separate chunk, loaded when a chart shows.
const TimeChart = lazy(() => import('./time-chart.tsx').then((m) => m.TimeChart));

const PERIODS = [
  ['1', 'Last 24 hours'],
  ['7', 'Last 7 days'],
  ['14', 'Last 14 days'],
  ['30', 'Last 30 days'],
  ['90', 'Last 90 days'],
] as const;

/** A message's funnel, ratings, NPS, activity over time, breakdown by trait and responses, kept fresh. */
export function ResultsPage({ messageId }: { messageId: string }) {
  const { api, router, sites } = useAdmin();
  const [r] = useState(() => createResults(api, messageId));
  useEffect(() => {
    void r.load().then(() => r.message.value && sites.select(r.message.value.siteId));
    r.start();
    return r.stop;
  }, []);
  const m = r.message.value;
  const s = r.summary.value;
  const ts = r.series.value;
  usePageTitle(m ? `Results: ${m.name}` : 'Results');
  const days = r.days.value;
  const bucket = r.bucket.value;
  return (
    <>
      <div class="page-head">
        <h1>Results{m ? `: ${m.name}` : ''}</h1>
        {m && <StatusBadge status={m.status} />}
        {m && (
          <a class="button ghost" href={router.href(`/messages/${m.id}`)}>
            Edit message
          </a>
        )}
      </div>
      <p class="muted small">
        Updates every few seconds while this page is open
        {r.updatedAt.value ? `; last at ${r.updatedAt.value.toLocaleTimeString()}` : ''}.
      </p>
      <Alert text={r.error.value} />
      {/* The demo's simulated pilot reaches only the release's messages. */}
      {m?.releaseId && <DemoDataNotice siteId={m.siteId} onRemoved={() => void r.load()} />}
      {!s ? (
        <p role="status">Loading results…</p>
      ) : (
        <div class="results-grid">
          <Funnel s={s} />
          {(m?.kind === 'survey' || s.rating.count > 0) && (
            <RatingBars rating={s.rating} scale={m?.survey?.scale} />
          )}
          {s.nps && <NpsCard nps={s.nps} />}
        </div>
      )}
      <section class="card" aria-labelledby="time-title">
        <div class="section-head">
          <h2 id="time-title">Over time</h2>
          <div class="row compact">
            <SelectField
              label="Period"
              path="period"
              options={PERIODS}
              value={String(days) as '14'}
              onValue={(d) => r.setSeries(d === '1' ? 'hour' : bucket, Number(d))}
            />
            <SelectField
              label="Per"
              path="bucket"
              options={
                [
                  ['day', 'Day'],
                  ['hour', 'Hour'],
                ] as const
              }
              value={bucket}
              onValue={(b) => r.setSeries(b, days)}
            />
          </div>
        </div>
        {ts ? (
          <>
            <TimeChart
              series={ts}
              label={`Impressions, clicks, dismissals and responses per ${bucket} over the last ${days} days`}
            />
            <TimeTable series={ts} />
          </>
        ) : (
          <p class="muted">No activity over time to show yet.</p>
        )}
      </section>
      <Breakdown r={r} />
      <Responses r={r} api={api} messageId={messageId} scale={m?.survey?.scale} />
    </>
  );
}
