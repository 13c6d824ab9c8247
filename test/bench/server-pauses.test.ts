import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { nodeMetrics } from '../../server/node/metrics.ts';
import { metricValue, pausesBetween } from './server-pauses.ts';

setFlagsFromString('--expose-gc');
const fullGc = runInNewContext('gc') as () => void;
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('pausesBetween, over the server’s real /metrics text', () => {
  it('counts the full collections run between two scrapes', async () => {
    const metrics = nodeMetrics({ queued: () => ({ events: 0, userWrites: 0 }), liveVersion: () => 0 });
    await settle(50);
    const before = await metrics.text();
    fullGc();
    await settle(50);
    const pauses = pausesBetween(before, await metrics.text());
    expect(pauses.major.count).toBeGreaterThanOrEqual(1);
    expect(pauses.major.ms).toBeGreaterThan(0);
    const none = pausesBetween(before, before);
    expect(none.major).toEqual({ count: 0, ms: 0 });
  });

  it('reads a labelled value, and 0 for a metric that is not there', () => {
    const text = [
      '# HELP herald_nodejs_gc_duration_seconds_sum x',
      'herald_nodejs_gc_duration_seconds_sum{kind="minor"} 0.25',
      'herald_nodejs_gc_duration_seconds_sum{kind="major"} 1.5',
    ].join('\n');
    expect(metricValue(text, 'herald_nodejs_gc_duration_seconds_sum', '{kind="major"}')).toBe(1.5);
    expect(metricValue(text, 'herald_nodejs_gc_duration_seconds_count', '{kind="major"}')).toBe(0);
  });
});
