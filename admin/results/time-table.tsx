import type { TimeSeries } from '../../server/schema/insights.ts';
import { DataTable } from '../forms/data-table.tsx';
import { LINES } from './lines.ts';

/** The chart's numbers as a table, for screen readers and for reading exact values. */
export function TimeTable({ series }: { series: TimeSeries }) {
  const hourly = series.bucket === 'hour';
  const fmt = (t: string) =>
    new Date(t).toLocaleString(
      undefined,
      hourly ? { dateStyle: 'short', timeStyle: 'short' } : { dateStyle: 'medium' },
    );
  return (
    <details class="chart-table">
      <summary>Show the numbers as a table</summary>
      <DataTable
        caption="Activity over time"
        columns={[hourly ? 'Hour' : 'Day', ...LINES.map(([, name]) => name)]}
      >
        {series.points.map((p) => (
          <tr key={p.t}>
            <th scope="row">{fmt(p.t)}</th>
            {LINES.map(([key]) => (
              <td key={key}>{p[key]}</td>
            ))}
          </tr>
        ))}
      </DataTable>
    </details>
  );
}
