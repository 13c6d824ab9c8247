import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Store, StoredSession } from '../store/store.ts';
import { randomToken, sha256Hex } from './web-crypto.ts';

/** The cookie that carries the session token (and nothing else). */
export const SESSION_COOKIE = 'herald_session';

/** Sessions end 12 hours after sign-in: a working day, so a forgotten tab does not stay signed in for long. */
export const SESSION_SECONDS = 12 * 60 * 60;

/** Whether the browser reached us over https, directly or through a proxy that says so. */
export function isHttps(c: Context): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https' || new URL(c.req.url).protocol === 'https:';
}

/**
 * Starts a session: stores the token's hash with a fresh CSRF token and sets the cookie — HttpOnly (no
 * script reads it), SameSite=Strict (no other site sends it), Secure over https.
 *
 * @example const session = await startSession(c, store, account.id, new Date())
 */
export async function startSession(
  c: Context,
  store: Store,
  accountId: string,
  now: Date,
): Promise<StoredSession> {
  const token = randomToken();
  const session: StoredSession = {
    tokenHash: await sha256Hex(token),
    accountId,
    csrfToken: randomToken(),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000).toISOString(),
  };
  await store.createSession(session);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c),
    maxAge: SESSION_SECONDS,
  });
  return session;
}

/** The unexpired session the request's cookie names, or null. */
export async function sessionOf(c: Context, store: Store, now: Date): Promise<StoredSession | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return null;
  return store.getSession(await sha256Hex(token), now.toISOString());
}

/** Ends a session and tells the browser to forget the cookie. */
export async function endSession(c: Context, store: Store, session: StoredSession): Promise<void> {
  await store.deleteSession(session.tokenHash);
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c), httpOnly: true, sameSite: 'Strict' });
}
