import { verify } from 'hono/jwt';
import { traitProblems } from '../schema/common.ts';
import type { DecideUser } from '../schema/decide.ts';
import type { Site } from '../schema/site.ts';
import { ApiError } from './errors.ts';
import { secretsOf } from './receipts.ts';

/**
 * The user as the server trusts them: the key they are bucketed by, the traits targeting may use, and
 * whether an identity token proved who they are (`verified`, carried into their receipts).
 */
export type TrustedUser = {
  id?: string;
  anonymousId?: string;
  key: string;
  traits: Record<string, unknown>;
  verified: boolean;
};

/** The token's payload if any secret the site accepts now signed it (a rotated-out one during its grace). */
async function verifiedPayload(token: string, site: Site, now: Date): Promise<Record<string, unknown>> {
  for (const secret of secretsOf(site, now)) {
    try {
      return (await verify(token, secret, 'HS256')) as Record<string, unknown>;
    } catch {}
  }
  throw new ApiError(401, 'invalid_token', 'the identity token is invalid or expired');
}

/**
 * Applies the site's identity verification (DESIGN: eligibility is decided on the server). A valid HS256
 * token signed with the site secret supplies `sub` (the user id) and `traits`; with verification on,
 * unsigned traits are ignored (`optional`) or the request is refused (`required`).
 */
export async function trustedUser(site: Site, user: DecideUser, now: Date): Promise<TrustedUser> {
  const mode = site.identityVerification;
  if (user.token !== undefined && mode !== 'off') {
    const payload = await verifiedPayload(user.token, site, now);
    // Only a token that names its user proves one: without `sub` the id is the browser's claim.
    if (typeof payload.sub !== 'string')
      throw new ApiError(401, 'invalid_token', 'the identity token has no sub');
    const traits = isRecord(payload.traits) ? payload.traits : {};
    const problem = traitProblems(traits)[0];
    if (problem !== undefined) {
      const field = ['user', 'token', 'traits', ...problem.path].join('.');
      throw new ApiError(400, 'invalid_request', `invalid body: ${field}: ${problem.message}`, {
        [field]: problem.message,
      });
    }
    return finish(payload.sub, user.anonymousId, traits, true);
  }
  if (mode === 'required')
    throw new ApiError(401, 'token_required', 'this site requires a signed identity token');
  if (mode === 'optional') return finish(undefined, user.anonymousId ?? user.id, {}, false);
  return finish(user.id, user.anonymousId, user.traits, false);
}

function finish(
  id: string | undefined,
  anonymousId: string | undefined,
  traits: Record<string, unknown>,
  verified: boolean,
): TrustedUser {
  const key = id ?? anonymousId;
  if (key === undefined) throw new ApiError(400, 'invalid_request', 'user needs an id or an anonymousId');
  return { ...(id ? { id } : {}), ...(anonymousId ? { anonymousId } : {}), key, traits, verified };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
