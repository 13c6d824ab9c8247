import type { TimePoint } from '../schema/insights.ts';

const STEP = { hour: 3_600_000, day: 86_400_000 } as const;

/** The UTC ISO prefix that names the bucket a time falls in (`2026-11-26T10` or `2026-11-26`). */
export function bucketKey(time: Date, bucket: 'hour' | 'day'): string {
  return time.toISOString().slice(0, bucket === 'hour' ? 13 : 10);
}

/** The start of the bucket a time falls in. */
export function bucketStart(time: Date, bucket: 'hour' | 'day'): Date {
  return new Date(Math.floor(time.getTime() / STEP[bucket]) * STEP[bucket]);
}

/**
 * Turns sparse (bucket, type, count) rows into a series with every bucket from `from` to `to`, empty ones as
 * zeros, so a chart's x axis is honest about quiet hours.
 *
 * @example fillSeries([{ key: '2026-11-26', type: 'impression', count: 3 }], 'day', from, to)
 */
export function fillSeries(
  rows: { key: string; type: string; count: number }[],
  bucket: 'hour' | 'day',
  from: Date,
  to: Date,
): TimePoint[] {
  const byKey = new Map<string, TimePoint>();
  const points: TimePoint[] = [];
  for (let t = bucketStart(from, bucket).getTime(); t <= to.getTime(); t += STEP[bucket]) {
    const point = { t: new Date(t).toISOString(), impressions: 0, clicks: 0, dismissals: 0, responses: 0 };
    byKey.set(bucketKey(new Date(t), bucket), point);
    points.push(point);
  }
  const field = {
    impression: 'impressions',
    click: 'clicks',
    dismiss: 'dismissals',
    response: 'responses',
  } as const;
  for (const row of rows) {
    const point = byKey.get(row.key);
    const name = field[row.type as keyof typeof field];
    if (point && name) point[name] += row.count;
  }
  return points;
}
