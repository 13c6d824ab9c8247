import type { LiftReport, ReleaseReport, ReportGroup } from '../../server/schema/report.ts';
import { DataTable } from '../forms/data-table.tsx';
import { average, count, percent } from '../results/format.ts';

const signed = (n: number, digits: number) =>
  `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n).toFixed(digits)}`;

/** A value with its detail on a line below, e.g. a rate and "6 of 50", a lift and its interval. */
function Two({ value, detail }: { value: string; detail: string | null }) {
  return (
    <>
      {value}
      {detail && <span class="detail"> {detail}</span>}
    </>
  );
}

/** A conversion: "12%" over "6 of 50", or a dash without users. */
function Conversion({ side }: { side: LiftReport['exposed'] }) {
  if (side.users === 0) return <>–</>;
  return <Two value={percent(side.rate)} detail={`${count(side.converted)} of ${count(side.users)}`} />;
}

/** A lift and its 95% interval, in percentage points (absolute) or percent (relative): "+2.0 pp" over "−1.1 to +5.1". */
function Lift({
  value,
  ci,
  unit,
}: {
  value: number | null;
  ci: LiftReport['absoluteInterval'];
  unit: string;
}) {
  if (value === null) return <>–</>;
  const digits = unit === 'pp' ? 1 : 0;
  const at = (n: number) => `${signed(n * 100, digits)}${unit === 'pp' ? '' : unit}`;
  return (
    <Two
      value={`${signed(value * 100, digits)}${unit === 'pp' ? ' pp' : unit}`}
      detail={ci && `${at(ci.low)} to ${at(ci.high)}`}
    />
  );
}

function Row({ g, goal, total }: { g: ReportGroup; goal: boolean; total?: boolean }) {
  return (
    <tr class={total ? 'total' : undefined}>
      <th scope="row">{total ? <strong>{g.label}</strong> : g.label}</th>
      <td class="num">{count(g.goal.exposed.users)}</td>
      <td class="num">{count(g.goal.holdout.users)}</td>
      <td class="num">{count(g.impressions)}</td>
      <td class="num">{percent(g.dismissRate)}</td>
      <td class="num">
        {average(g.rating.average)} <span class="muted">({count(g.rating.count)})</span>
      </td>
      {goal && (
        <>
          <td class="num">
            <Conversion side={g.goal.exposed} />
          </td>
          <td class="num">
            <Conversion side={g.goal.holdout} />
          </td>
          <td class="num">
            <Lift value={g.goal.absolute} ci={g.goal.absoluteInterval} unit="pp" />
            {g.goal.warning && <span class="report-warning">{g.goal.warning}</span>}
          </td>
          <td class="num">
            <Lift value={g.goal.relative} ci={g.goal.relativeInterval} unit="%" />
          </td>
        </>
      )}
    </tr>
  );
}

/**
 * The phases not started yet that have nobody in them: their rows would only say "too few users" and bury the
 * phase in force, so the table leaves them out and names them below.
 */
export function notStarted(report: ReleaseReport): Set<string | null> {
  const { status, currentPhase } = report.release;
  if (report.by !== 'phase' || status === 'complete') return new Set();
  const empty = (g: ReportGroup) => g.goal.exposed.users + g.goal.holdout.users + g.impressions === 0;
  return new Set(report.groups.filter((g) => Number(g.key) > currentPhase && empty(g)).map((g) => g.key));
}

/**
 * The report as a table, one row per phase (or cohort) and a total: exposed and holdout users, what the
 * release's messages got, and goal conversion exposed vs holdout with lift and its 95% interval; the
 * server's plain warning sits under a lift the sample is too small to tell.
 */
export function ReportTable({ report }: { report: ReleaseReport }) {
  const goal = report.goalEvent !== null;
  const trait = report.by.startsWith('trait:') ? report.by.slice('trait:'.length) : null;
  const later = notStarted(report);
  const waiting = report.groups.filter((g) => later.has(g.key)).map((g) => `“${g.label}”`);
  return (
    <>
      <DataTable
        caption={trait ? `Release report by ${trait}` : 'Release report by phase'}
        columns={[
          trait ?? 'Phase',
          'Exposed users',
          'Holdout users',
          'Impressions',
          'Dismiss rate',
          'Rating (count)',
          ...(goal
            ? ['Goal, exposed', 'Goal, holdout', 'Lift (95% interval)', 'Relative lift (95% interval)']
            : []),
        ]}
      >
        {report.groups
          .filter((g) => !later.has(g.key))
          .map((g) => (
            <Row key={g.key ?? '(none)'} g={g} goal={goal} />
          ))}
        <Row g={report.overall} goal={goal} total />
      </DataTable>
      {waiting.length > 0 && <p class="muted small">Not started yet: {waiting.join(', ')}.</p>}
    </>
  );
}
