import { z } from 'zod';

/**
 * GET /api/sites/:siteId/demo-data: the simulated pilot traffic `npm start` seeds on a fresh database
 * (users whose key starts with `demo-sim-`); all zero once removed, and on every other site.
 */
export const DemoData = z.object({
  /** Simulated users with a stored state. */
  users: z.number().int(),
  /** Their events: impressions, clicks, dismissals, responses, goals. */
  events: z.number().int(),
});
export type DemoData = z.infer<typeof DemoData>;

/** DELETE /api/sites/:siteId/demo-data: what was removed (the site itself, its messages and releases stay). */
export const DemoDataRemoved = z.object({ removed: DemoData });
export type DemoDataRemoved = z.infer<typeof DemoDataRemoved>;
