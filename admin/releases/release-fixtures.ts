// Sample releases and reports for the releases tests.
import type { Release, ReleaseInput, ReleaseStatus } from '../../server/schema/release.ts';
import type { ReleaseReport, ReportGroup } from '../../server/schema/report.ts';
import { demoRelease } from '../../server/seed/demo-content.ts';
import { pilotAt10 } from '../../test/support/core-fixtures.ts';

const at = '2026-11-26T10:00:00.000Z';

/** DESIGN's example release, as the API takes it: the demo's, with a pilot of 10% of Austin. */
export const exampleInput: ReleaseInput = { ...demoRelease, phases: pilotAt10(demoRelease.phases) };

/** DESIGN's example release, as stored; `over` sets status, phase, history… */
export function release(over: Partial<Release> = {}): Release {
  return {
    ...exampleInput,
    id: 'rel_1',
    siteId: 'site_1',
    status: 'draft',
    version: 0,
    currentPhase: -1,
    phaseStartedAt: null,
    history: [],
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

/** A release in `status` at phase `phase`. */
export const releaseIn = (status: ReleaseStatus, phase: number) =>
  release({ status, currentPhase: status === 'draft' ? -1 : phase, phaseStartedAt: at });

function group(key: string, label: string, exposed: number, holdout: number): ReportGroup {
  return {
    key,
    label,
    impressions: exposed * 2,
    clicks: 3,
    dismissals: 4,
    dismissRate: 0.1,
    responses: 12,
    rating: { average: 4.3, count: 12, distribution: { '4': 8, '5': 4 } },
    nps: null,
    goal: {
      exposed: { users: exposed, converted: Math.round(exposed / 5), rate: exposed ? 0.2 : null },
      holdout: { users: holdout, converted: 0, rate: holdout ? 0 : null },
      absolute: holdout ? 0.2 : null,
      absoluteInterval: holdout ? { low: 0.05, high: 0.35 } : null,
      relative: null,
      relativeInterval: null,
      warning: 'Too few users to tell yet: wait for at least 5 conversions in each group.',
    },
  };
}

/** A report per phase for `release()` in its first phase, with a gate. */
export function report(over: Partial<ReleaseReport> = {}): ReleaseReport {
  return {
    release: { id: 'rel_1', key: 'reserve-ahead', name: 'Reserve ahead', status: 'active', currentPhase: 0 },
    by: 'phase',
    goalEvent: 'reservation_made',
    groups: [group('0', 'Pilot: Austin', 40, 2), group('1', 'Texas', 0, 0), group('2', 'Everyone', 0, 0)],
    overall: group('all', 'All', 40, 2),
    gate: {
      text: '34/50 responses, 4.3★ ≥ 4.0, 51 h of 72 h',
      met: false,
      checks: [
        { label: '34/50 responses', met: false },
        { label: '4.3★ ≥ 4.0', met: true },
        { label: '51 h of 72 h', met: false },
      ],
    },
    phaseStats: { impressions: 80, dismissals: 4, responses: 34, averageRating: 4.3, hoursInPhase: 51 },
    ...over,
  };
}

/** A history: started by hand, then paused by a guardrail over low ratings. */
export const guardrailPause: Release['history'] = [
  {
    at: '2026-11-26T10:00:00.000Z',
    action: 'advance',
    from: 'draft',
    to: 'active',
    fromPhase: -1,
    toPhase: 0,
    by: 'manual',
    reason: 'pilot starts',
  },
  {
    at: '2026-11-27T10:00:00.000Z',
    action: 'pause',
    from: 'active',
    to: 'paused',
    fromPhase: 0,
    toPhase: 0,
    by: 'guardrail',
    reason: 'average rating 2.10 fell below 3.5 over 20 responses',
  },
];
