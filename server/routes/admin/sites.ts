import { Hono } from 'hono';
import type { RouteDeps } from '../../deps.ts';
import { parseBody } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { SECRET_GRACE_MS } from '../../http/receipts.ts';
import { type Site, SiteInput, SitePatch } from '../../schema/site.ts';

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

/** /api/sites: sites with their keys, allowed origins, identity verification, attention budget and theme. */
export function siteRoutes(deps: RouteDeps) {
  return (
    new Hono()
      .get('/', async (c) => c.json({ sites: await deps.store.listSites() }))
      .post('/', async (c) => {
        const input = await parseBody(c, SiteInput);
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
      .get('/:id', async (c) => c.json(await siteOr404(deps, c.req.param('id'))))
      .patch('/:id', async (c) => {
        const site = await siteOr404(deps, c.req.param('id'));
        const patch = await parseBody(c, SitePatch);
        await assertSlugFree(deps, patch.changelogSlug, site.id);
        const updated: Site = { ...site, ...patch, updatedAt: deps.clock().toISOString() };
        await deps.store.updateSite(updated);
        deps.live.invalidate(site.id);
        return c.json(updated);
      })
      // A new secret signs from now on; the old one still checks tokens and receipts for SECRET_GRACE_MS,
      // so neither the product's backend nor queued widget events break mid-rotation. Audited as every write.
      .post('/:id/rotate-secret', async (c) => {
        const site = await siteOr404(deps, c.req.param('id'));
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
        return c.json(updated);
      })
  );
}
