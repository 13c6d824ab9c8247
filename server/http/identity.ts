import { verify } from 'hono/jwt';
import { traitProblems } from '../schema/common.ts';
import type { DecideUser } from '../schema/decide.ts';
import type { Site } from '../schema/site.ts';
import { ApiError } from './errors.ts';

/** The user as the server trusts them: the key they are bucketed by and the traits targeting may use. */
export type TrustedUser = { id?: string; anonymousId?: string; key: string; traits: Record<string, unknown> };

/**
 * Applies the site's identity verification (DESIGN: eligibility is decided on the server). A valid HS256
 * token signed with the site secret supplies `sub` (the user id) and `traits`; with verification on,
 * unsigned traits are ignored (`optional`) or the request is refused (`required`).
 */
export async function trustedUser(site: Site, user: DecideUser): Promise<TrustedUser> {
  const mode = site.identityVerification;
  if (user.token !== undefined && mode !== 'off') {
    let payload: Record<string, unknown>;
    try {
      payload = (await verify(user.token, site.secret, 'HS256')) as Record<string, unknown>;
    } catch {
      throw new ApiError(401, 'invalid_token', 'the identity token is invalid or expired');
    }
    const id = typeof payload.sub === 'string' ? payload.sub : user.id;
    const traits = isRecord(payload.traits) ? payload.traits : {};
    const problem = traitProblems(traits)[0];
    if (problem !== undefined) {
      const field = ['user', 'token', 'traits', ...problem.path].join('.');
      throw new ApiError(400, 'invalid_request', `invalid body: ${field}: ${problem.message}`, {
        [field]: problem.message,
      });
    }
    return finish(id, user.anonymousId, traits);
  }
  if (mode === 'required')
    throw new ApiError(401, 'token_required', 'this site requires a signed identity token');
  if (mode === 'optional') return finish(undefined, user.anonymousId ?? user.id, {});
  return finish(user.id, user.anonymousId, user.traits);
}

function finish(
  id: string | undefined,
  anonymousId: string | undefined,
  traits: Record<string, unknown>,
): TrustedUser {
  const key = id ?? anonymousId;
  if (key === undefined) throw new ApiError(400, 'invalid_request', 'user needs an id or an anonymousId');
  return { ...(id ? { id } : {}), ...(anonymousId ? { anonymousId } : {}), key, traits };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
