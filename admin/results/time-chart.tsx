import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TimeSeries } from '../../server/schema/insights.ts';
import { LINES } from './lines.ts';

function dataOf(ts: TimeSeries): uPlot.AlignedData {
  const p = ts.points;
  return [p.map((x) => Date.parse(x.t) / 1000), ...LINES.map(([key]) => p.map((x) => x[key]))];
}

/**
 * Impressions, clicks, dismissals and responses over time (uPlot, sized to its box). The canvas is an
 * image for screen readers; the same numbers are in a table beside it.
 */
export function TimeChart({ series, label }: { series: TimeSeries; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  useEffect(() => {
    const el = box.current;
    // Without a 2D canvas (a test DOM, a locked-down browser) the table beside the chart carries the numbers.
    if (!el || !document.createElement('canvas').getContext('2d')) return;
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: 240,
      series: [{}, ...LINES.map(([, name, stroke]) => ({ label: name, stroke, width: 2 }))],
      axes: [{}, { size: 48 }],
      scales: { x: { time: true } },
    };
    const u = new uPlot(opts, dataOf(series), el);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(280, el.clientWidth), height: 240 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, []);
  useEffect(() => plot.current?.setData(dataOf(series)), [series]);
  return <div ref={box} class="chart" role="img" aria-label={label} />;
}
