import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One set of bars: a name for the legend, a value per group (null where there is none) and a colour. */
export type BarSeries = { label: string; values: (number | null)[]; color: string };

type Props = { groups: string[]; series: BarSeries[]; unit: string; label: string };

const HEIGHT = 220;

function options(width: number, { groups, series, unit }: Props): uPlot.Options {
  const bars = uPlot.paths.bars;
  // Two series side by side around each group's tick: the first to its left, the second to its right.
  const align = (i: number): -1 | 0 | 1 => (series.length === 1 ? 0 : i === 0 ? -1 : 1);
  return {
    width,
    height: HEIGHT,
    scales: {
      x: { time: false, range: [-0.5, groups.length - 0.5] },
      y: { range: (_, __, max) => [0, max || 1] },
    },
    axes: [
      { splits: () => groups.map((_, i) => i), values: (_, ticks) => ticks.map((t) => groups[t] ?? '') },
      { size: 52, values: (_, ticks) => ticks.map((t) => `${t}${unit}`) },
    ],
    legend: { live: false },
    series: [
      { label: 'Group' },
      ...series.map((s, i) => ({
        label: s.label,
        stroke: s.color,
        fill: s.color,
        points: { show: false },
        ...(bars ? { paths: bars({ size: [0.35, 48], align: align(i) }) } : {}),
      })),
    ],
  };
}

const dataOf = ({ groups, series }: Props): uPlot.AlignedData => [
  groups.map((_, i) => i),
  ...series.map((s) => s.values),
];

/**
 * Bars per phase or cohort (uPlot, sized to its box), e.g. goal conversion exposed vs holdout. The canvas
 * is an image for screen readers; the report table beside it has every number.
 */
export function ReportChart(props: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = `${props.groups.join('\u0000')}|${props.series.map((s) => s.label).join('|')}`;
  useEffect(() => {
    const el = box.current;
    // Without a 2D canvas (a test DOM, a locked-down browser) the table carries the numbers.
    if (!el || !document.createElement('canvas').getContext('2d')) return;
    const u = new uPlot(options(Math.max(280, el.clientWidth), props), dataOf(props), el);
    plot.current = u;
    const resize = new ResizeObserver(() =>
      u.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [shape]);
  useEffect(() => plot.current?.setData(dataOf(props)), [props.series]);
  return <div ref={box} class="chart" role="img" aria-label={props.label} />;
}
