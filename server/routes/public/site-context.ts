import type { RouteConfig } from '@hono/zod-openapi';
import type { Context, Env } from 'hono';
import type { RouteDeps } from '../../deps.ts';
import { assertOrigin } from '../../http/cors.ts';
import { ApiError } from '../../http/errors.ts';
import { trustedUser } from '../../http/identity.ts';
import { tooMany } from '../../http/limits.ts';
import { body, route } from '../../http/routes.ts';
import type { LiveSite } from '../../live/live-sites.ts';
import { DecideRequest } from '../../schema/decide.ts';

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

/**
 * A route the widget posts its one request body to (`DecideRequest`: the site's key, the user and the
 * page), as decide and the feed are; `publicCaller` reads who asks from it.
 *
 * @example const feed = widgetRoute('The changelog feed', { 200: json(FeedResponse, 'The posts') })
 */
export const widgetRoute = <const A extends RouteConfig['responses']>(summary: string, responses: A) =>
  route('post', '/', summary, { tags: ['public'], request: { body: body(DecideRequest) }, responses });

/**
 * Who asks, for a `widgetRoute` request: the body (`req`), the live site it names (404 or 429 as
 * `siteContext` says), refused from an origin it does not allow, the user as the site trusts them
 * (verified when it asks for a token), and what is stored of them (`null` for a user never seen).
 */
export async function publicCaller(
  deps: RouteDeps,
  c: Context<Env, string, { out: { json: DecideRequest } }>,
) {
  const req = c.req.valid('json');
  const live = await siteContext(deps, req.site, c);
  assertOrigin(live.site, c.req.header('origin'));
  const now = deps.clock();
  const user = await trustedUser(live.site, req.user, now);
  const keys = [user.id, user.anonymousId].filter((k): k is string => k !== undefined);
  const known = await deps.store.getUserState(live.site.id, keys);
  return { req, live, now, user, known };
}
