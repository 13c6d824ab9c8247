import { type Context, Hono } from 'hono';
import type { RouteDeps } from '../../deps.ts';
import { parseBody } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { failureLimiter } from '../../http/rate-limit.ts';
import { endSession, randomToken, startSession } from '../../http/session.ts';
import { type Account, LoginRequest, type SessionInfo } from '../../schema/account.ts';
import { publicAccount } from '../../store/accounts-query.ts';
import type { StoredSession } from '../../store/store.ts';

const WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins allowed per email and per client address within the window. */
export const SIGN_IN_LIMITS = { perEmail: 5, perAddress: 20, windowMs: WINDOW_MS } as const;

/** The same words for an unknown email and a wrong password, so the answer does not say which exist. */
const WRONG = 'wrong email or password';

function signedIn(c: Context): { account: Account; session: StoredSession } {
  const { account, session } = c.get('actor');
  if (session === null || account === null)
    throw new ApiError(401, 'unauthorized', 'not signed in with a session (a bearer token has none)');
  return { account, session };
}

/**
 * /api/session: sign in (POST, the one `/api` request without credentials), who is signed in (GET), sign
 * out (DELETE). Failed sign-ins are limited per email and per client address, in memory.
 */
export function sessionRoutes(deps: RouteDeps) {
  const byEmail = failureLimiter({ max: SIGN_IN_LIMITS.perEmail, windowMs: WINDOW_MS });
  const byAddress = failureLimiter({ max: SIGN_IN_LIMITS.perAddress, windowMs: WINDOW_MS });
  // An unknown email is checked against this hash, so it takes as long to refuse as a wrong password.
  let decoy: Promise<string> | undefined;
  const decoyHash = () => {
    decoy ??= deps.passwords.hash(randomToken());
    return decoy;
  };

  return new Hono()
    .post('/', async (c) => {
      const login = await parseBody(c, LoginRequest);
      const now = deps.clock();
      const address = deps.clientIp?.(c) ?? 'unknown';
      const wait = Math.max(
        byEmail.retryAfter(login.email, now.getTime()),
        byAddress.retryAfter(address, now.getTime()),
      );
      if (wait > 0) {
        c.header('retry-after', String(Math.ceil(wait / 1000)));
        throw new ApiError(429, 'too_many_attempts', 'too many failed sign-ins; try again later');
      }
      const account = await deps.store.getAccountByEmail(login.email);
      const stored = account?.passwordHash ?? (await decoyHash());
      const ok = await deps.passwords.verify(login.password, stored);
      if (account === null || !ok) {
        byEmail.fail(login.email, now.getTime());
        byAddress.fail(address, now.getTime());
        throw new ApiError(401, 'invalid_credentials', WRONG);
      }
      if (account.disabled) throw new ApiError(403, 'account_disabled', 'this account is disabled');
      byEmail.reset(login.email);
      const session = await startSession(c, deps.store, account.id, now);
      const shown = publicAccount(account);
      c.set('actor', { name: account.email, role: account.role, account: shown, session });
      const body: SessionInfo = { account: shown, csrfToken: session.csrfToken, publicUrl: deps.publicUrl };
      return c.json(body);
    })
    .get('/', (c) => {
      const { account, session } = signedIn(c);
      const body: SessionInfo = { account, csrfToken: session.csrfToken, publicUrl: deps.publicUrl };
      return c.json(body);
    })
    .delete('/', async (c) => {
      await endSession(c, deps.store, signedIn(c).session);
      return c.body(null, 204);
    });
}
