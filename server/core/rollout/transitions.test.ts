import { describe, expect, it } from 'vitest';
import { releaseFixture } from '../../../test/support/core-fixtures.ts';
import type { Release, ReleaseStatus, RolloutAction } from '../../schema/release.ts';
import { transition, transitionText } from './transitions.ts';

function release(status: ReleaseStatus, currentPhase: number): Release {
  const phases = [
    { name: 'Pilot: Austin', percent: 10 },
    { name: 'Texas', percent: 50 },
    { name: 'Everyone', percent: 100 },
  ];
  const phaseStartedAt = status === 'draft' ? null : '2026-11-20T00:00:00Z';
  return releaseFixture({ holdoutPercent: 0, phases }, { status, currentPhase, phaseStartedAt });
}

const why = { at: '2026-11-26T10:00:00Z', by: 'manual' as const, reason: 'looks good' };

describe('transition', () => {
  it.each<[string, ReleaseStatus, number, RolloutAction, ReleaseStatus, number]>([
    ['starts the first phase on a draft’s first advance', 'draft', -1, 'advance', 'active', 0],
    ['moves an active release to its next phase', 'active', 0, 'advance', 'active', 1],
    ['completes a release advanced past its last phase', 'active', 2, 'advance', 'complete', 2],
    ['pauses an active release in its phase', 'active', 1, 'pause', 'paused', 1],
    ['resumes a paused release in the same phase', 'paused', 1, 'resume', 'active', 1],
    ['rolls back an active release', 'active', 1, 'rollback', 'rolled_back', 1],
    ['rolls back a complete release', 'complete', 2, 'rollback', 'rolled_back', 2],
    ['completes a paused release at its last phase', 'paused', 0, 'complete', 'complete', 2],
  ])('%s', (_name, status, phase, action, toStatus, toPhase) => {
    const result = transition(release(status, phase), action, why);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.release.status).toBe(toStatus);
    expect(result.release.currentPhase).toBe(toPhase);
    expect(result.release.history).toEqual([
      { ...why, action, from: status, to: toStatus, fromPhase: phase, toPhase: toPhase },
    ]);
  });

  it.each<[ReleaseStatus, RolloutAction]>([
    ['draft', 'pause'],
    ['draft', 'resume'],
    ['draft', 'rollback'],
    ['paused', 'advance'],
    ['active', 'resume'],
    ['rolled_back', 'advance'],
    ['rolled_back', 'resume'],
    ['complete', 'advance'],
    ['complete', 'pause'],
  ])('refuses to let a %s release %s', (status, action) => {
    const result = transition(release(status, status === 'draft' ? -1 : 1), action, why);
    expect(result.ok).toBe(false);
  });

  it('restarts the phase clock only when the phase changes', () => {
    const paused = transition(release('active', 1), 'pause', why);
    expect(paused.ok && paused.release.phaseStartedAt).toBe('2026-11-20T00:00:00Z');
    const advanced = transition(release('active', 1), 'advance', why);
    expect(advanced.ok && advanced.release.phaseStartedAt).toBe(why.at);
  });

  it('writes a line a chat tool can post as is', () => {
    const result = transition(release('active', 0), 'pause', {
      ...why,
      by: 'guardrail',
      reason: 'average rating 2.9 fell below 3.5',
    });
    if (!result.ok) throw new Error('expected a transition');
    expect(transitionText(result.release, result.entry)).toBe(
      'Release “Reserve ahead” paused (guardrail): average rating 2.9 fell below 3.5',
    );
  });
});
