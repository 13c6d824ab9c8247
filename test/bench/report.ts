import { fmt } from './measure.ts';

/**
 * One line of `npm run bench`'s table: a figure, Herald's value, the baseline measured in the same run,
 * the target, whether it is met (or short by how much), and, when it is not, why. A benchmark returns its
 * rows; `run.ts` prints them all as one table, so adding a figure is adding rows.
 */
export type BenchRow = {
  figure: string;
  herald: string;
  baseline: string;
  target: string;
  verdict: string;
  why?: string;
};

/** Met, or short by how much, for a figure against its target (`%` gaps in points). */
export function verdict(value: number, target: number, higherIsBetter: boolean, unit: string): string {
  if (!Number.isFinite(value)) return 'not measured';
  const met = higherIsBetter ? value >= target : value <= target;
  if (met) return 'met';
  const gap = Math.abs(value - target);
  if (unit === '%') return `short by ${fmt(gap, 1)} points`;
  return `short by ${fmt(gap, 2)}${unit === '/s' ? '/s' : ` ${unit}`}`;
}

/** Prints the rows as one table; `why` only where some row has one. */
export function printReport(title: string, rows: BenchRow[]): void {
  const head = ['figure', 'Herald', 'baseline (same run)', 'target', 'verdict', 'why'];
  const cells = rows.map((r) => [r.figure, r.herald, r.baseline, r.target, r.verdict, r.why ?? '']);
  const withWhy = cells.some((c) => c[5] !== '');
  const shown = withWhy ? head : head.slice(0, 5);
  const table = cells.map((c) => c.slice(0, shown.length));
  const widths = shown.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(shown));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of table) console.log(line(r));
}
