import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { SECRET_GRACE_MS } from '../../http/receipts.ts';
import { adminResource, adminRoute, json, routeApp } from '../../http/routes.ts';
import { Site, SiteInput, SitePatch } from '../../schema/site.ts';

/** Loads a site or answers 404. */
export async function siteOr404(deps: RouteDeps, id: string): Promise<Site> {
  const site = await deps.store.getSite(id);
  if (site === null) throw new ApiError(404, 'not_found', 'site not found');
  return site;
}

/** Refuses a changelog slug another site has: the public URL must name one site. */
async function assertSlugFree(deps: RouteDeps, slug: string | null | undefined, siteId?: string) {
  if (slug === null || slug === undefined) return;
  const owner = await deps.store.getSiteByChangelogSlug(slug);
  if (owner !== null && owner.id !== siteId)
    throw new ApiError(409, 'slug_taken', `another site's changelog is at /changelog/${slug}`, {
      changelogSlug: 'another site uses this slug',
    });
}

const sites = adminResource('sites', Site, '/', '/{id}');
const list = sites.list('List sites', 'Every site');
const create = sites.create('Create a site', SiteInput, 'The new site with its keys');
const get = sites.get('One site with its keys', 'The site');
const update = sites.update('Change a site', SitePatch, 'The changed site');
const rotate = adminRoute('post', '/{id}/rotate-secret', 'Give the site a new secret', {
  description: 'The previous one stays valid for 7 days',
  responses: { 200: json(Site, 'The site with its new secret') },
});

/** /api/sites: sites with their keys, allowed origins, identity verification, attention budget and theme. */
export function siteRoutes(deps: RouteDeps) {
  return (
    routeApp()
      .openapi(list, async (c) => c.json({ sites: await deps.store.listSites() }, 200))
      .openapi(create, async (c) => {
        const input = c.req.valid('json');
        await assertSlugFree(deps, input.changelogSlug);
        const now = deps.clock().toISOString();
        const site: Site = {
          ...input,
          id: deps.ids('site'),
          publicKey: deps.ids('pk', 20),
          secret: deps.ids('sk', 40),
          createdAt: now,
          updatedAt: now,
        };
        await deps.store.createSite(site);
        return c.json(site, 201);
      })
      .openapi(get, async (c) => c.json(await siteOr404(deps, c.req.valid('param').id), 200))
      .openapi(update, async (c) => {
        const site = await siteOr404(deps, c.req.valid('param').id);
        const patch = c.req.valid('json');
        await assertSlugFree(deps, patch.changelogSlug, site.id);
        const updated: Site = { ...site, ...patch, updatedAt: deps.clock().toISOString() };
        await deps.store.updateSite(updated);
        deps.live.invalidate(site.id);
        return c.json(updated, 200);
      })
      // A new secret signs from now on; the old one still checks tokens and receipts for SECRET_GRACE_MS,
      // so neither the product's backend nor queued widget events break mid-rotation. Audited as every write.
      .openapi(rotate, async (c) => {
        const site = await siteOr404(deps, c.req.valid('param').id);
        const now = deps.clock();
        const updated: Site = {
          ...site,
          secret: deps.ids('sk', 40),
          previousSecret: site.secret,
          previousSecretUntil: new Date(now.getTime() + SECRET_GRACE_MS).toISOString(),
          updatedAt: now.toISOString(),
        };
        await deps.store.updateSite(updated);
        deps.live.invalidate(site.id);
        return c.json(updated, 200);
      })
  );
}
