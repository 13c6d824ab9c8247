import { Hono } from 'hono';
import type { RouteDeps } from '../../deps.ts';
import type { DemoData, DemoDataRemoved } from '../../schema/demo-data.ts';
import { DEMO_USER_PREFIX } from '../../seed/demo-simulation.ts';
import { siteOr404 } from './sites.ts';

/**
 * /api/sites/:siteId/demo-data: how much simulated pilot traffic a site holds, and its removal in one
 * request (admins only, audited like every change). Removal leaves the site, its messages, releases and
 * every real user's data as they were.
 */
export function demoDataRoutes(deps: RouteDeps) {
  return new Hono()
    .get('/sites/:siteId/demo-data', async (c) => {
      const site = await siteOr404(deps, c.req.param('siteId'));
      const body: DemoData = await deps.store.countUsersByPrefix(site.id, DEMO_USER_PREFIX);
      return c.json(body);
    })
    .delete('/sites/:siteId/demo-data', async (c) => {
      const site = await siteOr404(deps, c.req.param('siteId'));
      const body: DemoDataRemoved = {
        removed: await deps.store.deleteUsersByPrefix(site.id, DEMO_USER_PREFIX),
      };
      return c.json(body);
    });
}
