import type { Context } from 'hono';
import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { tooMany } from '../../http/limits.ts';
import { adminRoute, body, json, route, routeApp } from '../../http/routes.ts';
import { endSession, sessionOf, startSession } from '../../http/session.ts';
import { randomToken } from '../../http/web-crypto.ts';
import { type Account, LoginRequest, SessionInfo } from '../../schema/account.ts';
import { publicAccount } from '../../store/accounts-query.ts';
import type { StoredSession } from '../../store/store.ts';

/** The same words for an unknown email and a wrong password, so the answer does not say which exist. */
const WRONG = 'wrong email or password';

function signedIn(c: Context): { account: Account; session: StoredSession } {
  const { account, session } = c.get('actor');
  if (session === null || account === null)
    throw new ApiError(401, 'unauthorized', 'not signed in with a session (a bearer token has none)');
  return { account, session };
}

// Signing in is the one `/api` request that needs no credentials, so it is documented without them.
const signIn = route('post', '/', 'Sign in', {
  description: 'Sets the HttpOnly session cookie; answers the account and its CSRF token',
  tags: ['admin'],
  request: { body: body(LoginRequest) },
  responses: { 200: json(SessionInfo, 'Signed in') },
});
const current = adminRoute('get', '/', 'Who is signed in, with the CSRF token to send as x-csrf-token', {
  responses: { 200: json(SessionInfo, 'The signed-in account') },
});
const signOut = adminRoute('delete', '/', 'Sign out', {
  responses: { 204: { description: 'Signed out' } },
});

/**
 * /api/session: sign in (POST, the one `/api` request without credentials), who is signed in (GET), sign
 * out (DELETE). Failed sign-ins are limited per email and per client address (`signInPerEmail`,
 * `signInPerAddress`), counted where every instance sees them on PostgreSQL. Signing in replaces any
 * session the browser already had, so a session id planted before sign-in is worth nothing after it.
 */
export function sessionRoutes(deps: RouteDeps) {
  const { limiter, limit } = deps;
  // An unknown email is checked against this hash, so it takes as long to refuse as a wrong password.
  // Kept once made, not shared while it is made: on Workers a request may not await another's promise.
  let decoy: string | undefined;
  const decoyHash = async () => {
    decoy ??= await deps.passwords.hash(randomToken());
    return decoy;
  };

  return routeApp()
    .openapi(signIn, async (c) => {
      const login = c.req.valid('json');
      const now = deps.clock();
      const emailKey = `sign-in:email:${login.email.toLowerCase()}`;
      const addressKey = `sign-in:addr:${deps.clientIp?.(c) ?? 'unknown'}`;
      const t = now.getTime();
      const wait = Math.max(
        (await limiter.peek(emailKey, limit.signInPerEmail, t)).waitMs,
        (await limiter.peek(addressKey, limit.signInPerAddress, t)).waitMs,
      );
      if (wait > 0) throw tooMany(c, wait, 'too_many_attempts', 'too many failed sign-ins; try again later');
      const account = await deps.store.getAccountByEmail(login.email);
      const stored = account?.passwordHash ?? (await decoyHash());
      const ok = await deps.passwords.verify(login.password, stored);
      if (account === null || !ok) {
        await limiter.add(emailKey, limit.signInPerEmail, t);
        await limiter.add(addressKey, limit.signInPerAddress, t);
        throw new ApiError(401, 'invalid_credentials', WRONG);
      }
      if (account.disabled) throw new ApiError(403, 'account_disabled', 'this account is disabled');
      await limiter.forget(emailKey);
      // Session fixation: whatever session this browser held before is ended, never carried over.
      const previous = await sessionOf(c, deps.store, now);
      if (previous !== null) await deps.store.deleteSession(previous.tokenHash);
      const session = await startSession(c, deps.store, account.id, now);
      const shown = publicAccount(account);
      c.set('actor', { name: account.email, role: account.role, account: shown, session });
      const info: SessionInfo = { account: shown, csrfToken: session.csrfToken, publicUrl: deps.publicUrl };
      return c.json(info, 200);
    })
    .openapi(current, (c) => {
      const { account, session } = signedIn(c);
      const info: SessionInfo = { account, csrfToken: session.csrfToken, publicUrl: deps.publicUrl };
      return c.json(info, 200);
    })
    .openapi(signOut, async (c) => {
      await endSession(c, deps.store, signedIn(c).session);
      return c.body(null, 204);
    });
}
