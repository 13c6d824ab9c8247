import { useSignal } from '@preact/signals';
import type { ReleaseReport } from '../../server/schema/report.ts';
import { lazy } from '../../widget/ui/lazy.tsx';
import { useAdmin } from '../app/context.ts';
import { bindSignal } from '../forms/bind.ts';
import { handleSubmit } from '../forms/handle-submit.ts';
import { TextField } from '../forms/inputs.tsx';
import type { ReleaseView } from './release-model.ts';
import type { BarSeries } from './report-chart.tsx';
import { ReportTable } from './report-table.tsx';

// uPlot is most of this page's code: a separate chunk, loaded when a chart shows.
const ReportChart = lazy(() => import('./report-chart.tsx').then((m) => m.ReportChart));

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** What the chart draws: goal conversion exposed vs holdout when there is a goal, else the average rating. */
function chartOf(report: ReleaseReport): { series: BarSeries[]; unit: string; label: string } {
  const groups = report.groups;
  const names = groups.map((g) => g.label).join(', ');
  if (report.goalEvent !== null)
    return {
      unit: '%',
      label: `Bar chart: ${report.goalEvent} conversion of exposed users and of the holdout, for ${names}`,
      series: [
        { label: 'Exposed', values: groups.map((g) => pct(g.goal.exposed.rate)), color: '#4f46e5' },
        { label: 'Holdout', values: groups.map((g) => pct(g.goal.holdout.rate)), color: '#a0a5b5' },
      ],
    };
  return {
    unit: '★',
    label: `Bar chart: average rating for ${names}`,
    series: [{ label: 'Average rating', values: groups.map((g) => g.rating.average), color: '#4f46e5' }],
  };
}

/** The "by phase or by a trait" switch: an empty trait name reports per phase. */
function ByForm({ v }: { v: ReleaseView }) {
  const trait = useSignal(v.by.value);
  return (
    <form class="inline-form" onSubmit={handleSubmit(() => v.setBy(trait.value))}>
      <TextField
        label="Break down by trait"
        hint="Empty: one row per phase."
        placeholder="city"
        {...bindSignal('report.by', trait, v.byError.value)}
      />
      <button type="submit" class="button">
        Show report
      </button>
      {v.by.value && (
        <button
          type="button"
          class="button ghost"
          onClick={() => {
            trait.value = '';
            void v.setBy('');
          }}
        >
          Back to phases
        </button>
      )}
    </form>
  );
}

/** Links to the comments: each survey that follows the release, to its responses on its results page. */
function CommentLinks({ v }: { v: ReleaseView }) {
  const { router } = useAdmin();
  const surveys = (v.messages.value ?? []).filter((m) => m.kind === 'survey');
  if (surveys.length === 0) return null;
  return (
    <p>
      Read the comments:{' '}
      {surveys.map((m, i) => (
        <span key={m.id}>
          {i > 0 && ', '}
          <a href={router.href(`/messages/${m.id}/results`)}>{m.name}</a>
        </span>
      ))}
    </p>
  );
}

/** The release's report, per phase or per cohort, as a chart and a table, kept fresh by the page. */
export function ReportSection({ v }: { v: ReleaseView }) {
  const report = v.report.value;
  const chart = report && report.groups.length > 0 ? chartOf(report) : null;
  return (
    <section class="card" aria-labelledby="report-title">
      <h2 id="report-title">Report</h2>
      <ByForm v={v} />
      {!report ? (
        <p role="status">Loading the report…</p>
      ) : (
        <>
          <p class="muted small">
            {report.goalEvent === null
              ? 'No goal event: set one on the release to measure activation lift.'
              : `Goal: ${report.goalEvent}, the share of users who tracked it, exposed users against the holdout.`}
          </p>
          {chart && <ReportChart groups={report.groups.map((g) => g.label)} {...chart} />}
          <div class="report">
            <ReportTable report={report} />
          </div>
          <CommentLinks v={v} />
        </>
      )}
    </section>
  );
}
