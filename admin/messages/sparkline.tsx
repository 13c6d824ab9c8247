/**
 * A tiny line of daily counts (an SVG polyline: a chart library would be more than the line). Labelled
 * for screen readers with the total and the last day.
 */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const w = 96;
  const h = 24;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? w / (values.length - 1) : 0;
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(h - 2 - (v / max) * (h - 4)).toFixed(1)}`)
    .join(' ');
  const total = values.reduce((a, b) => a + b, 0);
  return (
    <svg
      class="sparkline"
      viewBox={`0 0 ${w} ${h}`}
      width={w}
      height={h}
      role="img"
      aria-label={`${label}: ${total} impressions in ${values.length} days, ${values.at(-1) ?? 0} on the last day`}
    >
      {values.length > 1 && <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" />}
    </svg>
  );
}
