import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import type { LiveSite } from '../../live/live-sites.ts';

/** The live view of the site a public request names, or a 404 the widget can act on. */
export async function siteContext(deps: RouteDeps, publicKey: string): Promise<LiveSite> {
  const live = await deps.live.get(publicKey);
  if (live === null) throw new ApiError(404, 'unknown_site', `no site has the key ${publicKey}`);
  return live;
}
