import type { Context } from 'hono';
import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { tooMany } from '../../http/limits.ts';
import type { LiveSite } from '../../live/live-sites.ts';

/**
 * The live view of the site a public request names, or a 404 the widget can act on; a 429 once the
 * site's requests this minute are over its limit. Unknown keys are not counted, so made-up keys make
 * no rows.
 */
export async function siteContext(deps: RouteDeps, publicKey: string, c: Context): Promise<LiveSite> {
  const live = await deps.live.get(publicKey);
  if (live === null) throw new ApiError(404, 'unknown_site', `no site has the key ${publicKey}`);
  const { waitMs } = await deps.limiter.take(
    `v1:site:${live.site.id}`,
    deps.limit.perSite,
    deps.clock().getTime(),
  );
  if (waitMs > 0) throw tooMany(c, waitMs, 'rate_limited', 'too many requests for this site');
  return live;
}

/**
 * Counts a decide for an anonymous user the site has never seen, per client address: a script minting
 * fake users gets a 429 after `newAnonymousPerAddress` of them. Known and identified users are free.
 */
export async function countNewAnonymous(deps: RouteDeps, c: Context): Promise<void> {
  const address = deps.clientIp?.(c);
  if (address === undefined) return;
  const limit = deps.limit.newAnonymousPerAddress;
  const { waitMs } = await deps.limiter.take(`v1:new-anon:${address}`, limit, deps.clock().getTime());
  if (waitMs > 0)
    throw tooMany(c, waitMs, 'too_many_new_users', 'too many new anonymous users from this address');
}
