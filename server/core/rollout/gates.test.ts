import { describe, expect, it } from 'vitest';
import { releaseFixture } from '../../../test/support/core-fixtures.ts';
import type { Release } from '../../schema/release.ts';
import { autoAdvanceGate, automaticStep, guardrailBreach, type PhaseStats } from './gates.ts';

const release: Release = releaseFixture(
  {
    key: 'reserve-ahead',
    name: 'Reserve ahead',
    holdoutPercent: 0,
    phases: [
      { name: 'Pilot', percent: 10 },
      { name: 'Everyone', percent: 100 },
    ],
    guardrails: { minResponses: 20, minAverageRating: 3.5, maxDismissRate: 0.6 },
    autoAdvance: { afterHours: 72, minResponses: 50, minAverageRating: 4 },
  },
  { phaseStartedAt: '2026-11-20T00:00:00Z' },
);

const stats = (s: Partial<PhaseStats>): PhaseStats => ({
  impressions: 100,
  dismissals: 10,
  responses: 0,
  averageRating: null,
  hoursInPhase: 0,
  ...s,
});

describe('autoAdvanceGate', () => {
  it('shows progress on every condition of the gate', () => {
    const gate = autoAdvanceGate(release, stats({ responses: 34, averageRating: 4.31, hoursInPhase: 51.5 }));
    expect(gate?.text).toBe('34/50 responses, 4.3★ ≥ 4.0, 51 h of 72 h');
    expect(gate?.met).toBe(false);
  });

  it('is met when every condition is', () => {
    expect(
      autoAdvanceGate(release, stats({ responses: 50, averageRating: 4.2, hoursInPhase: 72 }))?.met,
    ).toBe(true);
  });

  it('does not exist in the last phase or when paused', () => {
    expect(autoAdvanceGate({ ...release, currentPhase: 1 }, stats({}))).toBeNull();
    expect(autoAdvanceGate({ ...release, status: 'paused' }, stats({}))).toBeNull();
  });
});

describe('guardrailBreach', () => {
  it('stays quiet until enough responses are in', () => {
    expect(guardrailBreach(release, stats({ responses: 19, averageRating: 1 }))).toBeNull();
  });

  it('pauses when the average rating falls below the line', () => {
    expect(guardrailBreach(release, stats({ responses: 20, averageRating: 2.95 }))).toBe(
      'average rating 2.95 fell below 3.5 over 20 responses',
    );
  });

  it('pauses when dismissals rise above the line', () => {
    expect(guardrailBreach(release, stats({ responses: 25, averageRating: 4, dismissals: 70 }))).toBe(
      'dismiss rate 70% rose above 60%',
    );
  });
});

describe('automaticStep', () => {
  it('prefers pausing to advancing when both would apply', () => {
    const s = stats({ responses: 60, averageRating: 3, hoursInPhase: 100 });
    expect(automaticStep({ ...release, autoAdvance: { afterHours: 0, minResponses: 0 } }, s)?.action).toBe(
      'pause',
    );
  });

  it('advances when the gate is met and nothing is breached', () => {
    const step = automaticStep(release, stats({ responses: 60, averageRating: 4.5, hoursInPhase: 80 }));
    expect(step).toEqual({
      action: 'advance',
      by: 'auto-advance',
      reason: 'gate met: 60/50 responses, 4.5★ ≥ 4.0, 80 h of 72 h',
    });
  });

  it('does nothing while the gate is not met', () => {
    expect(automaticStep(release, stats({ responses: 10, averageRating: 4.5, hoursInPhase: 80 }))).toBeNull();
  });
});
