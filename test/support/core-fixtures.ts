import type { z } from 'zod';
import { type Release, ReleaseInput, type ReleaseStatus } from '../../server/schema/release.ts';

const TS = '2026-11-01T00:00:00Z';

/**
 * A stored release from admin-API input (schema defaults filled in): the Austin → Texas → everyone rollout
 * with a 5% holdout, active in its first phase unless told otherwise.
 */
export function releaseFixture(
  input: Partial<z.input<typeof ReleaseInput>> = {},
  state: { status?: ReleaseStatus; currentPhase?: number } = {},
): Release {
  return {
    history: [],
    ...ReleaseInput.parse({
      key: 'reserve-ahead',
      name: 'Reserve ahead',
      phases: [
        { name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 10 },
        { name: 'Texas', audience: { city: { $in: ['Austin', 'Dallas', 'Houston'] } }, percent: 50 },
        { name: 'Everyone', audience: {}, percent: 100 },
      ],
      holdoutPercent: 5,
      ...input,
    }),
    id: 'rel_1',
    siteId: 'site_1',
    status: state.status ?? 'active',
    version: 0,
    currentPhase: state.currentPhase ?? (state.status === 'draft' ? -1 : 0),
    phaseStartedAt: TS,
    createdAt: TS,
    updatedAt: TS,
  };
}
