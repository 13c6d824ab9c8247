import type { RouteDeps } from '../../deps.ts';
import { adminRoute, json, routeApp } from '../../http/routes.ts';
import { DemoData, DemoDataRemoved } from '../../schema/demo-data.ts';
import { DEMO_USER_PREFIX } from '../../seed/demo-simulation.ts';
import { siteOr404 } from './sites.ts';

const count = adminRoute(
  'get',
  '/sites/{siteId}/demo-data',
  'How much simulated demo traffic the site holds (seeded by `npm start` on a fresh database)',
  {
    responses: { 200: json(DemoData, 'Simulated users and their events') },
  },
);
const remove = adminRoute('delete', '/sites/{siteId}/demo-data', 'Removes the simulated demo traffic', {
  description: 'The site, its messages, releases and real users stay',
  responses: { 200: json(DemoDataRemoved, 'What was removed') },
});

/**
 * /api/sites/:siteId/demo-data: how much simulated pilot traffic a site holds, and its removal in one
 * request (admins only, audited like every change). Removal leaves the site, its messages, releases and
 * every real user's data as they were.
 */
export function demoDataRoutes(deps: RouteDeps) {
  return routeApp()
    .openapi(count, async (c) => {
      const site = await siteOr404(deps, c.req.valid('param').siteId);
      const body: DemoData = await deps.store.countUsersByPrefix(site.id, DEMO_USER_PREFIX);
      return c.json(body, 200);
    })
    .openapi(remove, async (c) => {
      const site = await siteOr404(deps, c.req.valid('param').siteId);
      const body: DemoDataRemoved = {
        removed: await deps.store.deleteUsersByPrefix(site.id, DEMO_USER_PREFIX),
      };
      return c.json(body, 200);
    });
}
