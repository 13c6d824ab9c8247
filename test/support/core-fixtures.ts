import type { z } from 'zod';
import { type Release, ReleaseInput, type ReleaseStatus } from '../../server/schema/release.ts';
import { demoRelease } from '../../server/seed/demo-content.ts';

const TS = '2026-11-01T00:00:00Z';

/** DESIGN's example phases (the demo's) with a pilot of 10% of Austin, as the tests expect. */
export function pilotAt10(phases: ReleaseInput['phases']): ReleaseInput['phases'] {
  return phases.map((p, i) => (i === 0 ? { ...p, percent: 10 } : p));
}

/**
 * A stored release from admin-API input (schema defaults filled in): the Austin → Texas → everyone rollout
 * with a 5% holdout, active in its first phase since 2026-11-01 unless told otherwise.
 */
export function releaseFixture(
  input: Partial<z.input<typeof ReleaseInput>> = {},
  state: { status?: ReleaseStatus; currentPhase?: number; phaseStartedAt?: string | null } = {},
): Release {
  return {
    history: [],
    ...ReleaseInput.parse({
      key: demoRelease.key,
      name: demoRelease.name,
      phases: pilotAt10(demoRelease.phases),
      holdoutPercent: demoRelease.holdoutPercent,
      ...input,
    }),
    id: 'rel_1',
    siteId: 'site_1',
    status: state.status ?? 'active',
    version: 0,
    currentPhase: state.currentPhase ?? (state.status === 'draft' ? -1 : 0),
    phaseStartedAt: state.phaseStartedAt === undefined ? TS : state.phaseStartedAt,
    createdAt: TS,
    updatedAt: TS,
  };
}
