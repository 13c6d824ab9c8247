import { computed, signal } from '@preact/signals';
import type { SessionInfo } from '../../server/schema/account.ts';
import { ApiError } from '../api/client.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import type { FieldErrors } from '../forms/form-errors.ts';

/** Words for a failed sign-in: a wrong password, the rate limit, or whatever the server said. */
function signInProblem(e: unknown): string {
  if (!(e instanceof ApiError)) return 'Sign-in failed. Try again.';
  if (e.status === 401) return 'That email and password do not match an account.';
  if (e.status === 429) {
    const wait = e.retryAfter === null ? 'a little while' : `${e.retryAfter} seconds`;
    return `Too many sign-in attempts. Try again in ${wait}.`;
  }
  return e.message;
}

/**
 * Who is signed in, with what role, and the CSRF token the client sends on writes. A 401 from any request
 * ends the session here, so the sign-in page comes back.
 *
 * @example const session = createSession(api); await session.restore(); session.canWrite.value
 */
export function createSession(api: HeraldApi) {
  const account = signal<SessionInfo['account'] | null>(null);
  const status = signal<'checking' | 'signed-out' | 'signed-in'>('checking');
  const error = signal<string | null>(null);
  const fields = signal<FieldErrors>({});
  const busy = signal(false);
  const role = computed(() => account.value?.role ?? null);
  /** The server's public base URL, for embed snippets (right even behind a proxy). */
  const publicUrl = signal<string>(location.origin);

  function accept(info: SessionInfo) {
    api.client.setCsrfToken(info.csrfToken);
    account.value = info.account;
    publicUrl.value = info.publicUrl;
    status.value = 'signed-in';
    error.value = null;
    fields.value = {};
  }

  function end(reason: string | null) {
    api.client.setCsrfToken(null);
    account.value = null;
    status.value = 'signed-out';
    error.value = reason;
  }

  api.client.onUnauthorized(() => {
    if (status.value === 'signed-in') end('Your session ended. Sign in again.');
  });

  return {
    account,
    status,
    role,
    publicUrl,
    /** Admins and editors change messages (and releases); viewers only read: write controls are hidden. */
    canWrite: computed(() => role.value === 'admin' || role.value === 'editor'),
    /** Only admins change sites, accounts, and read the audit log. */
    isAdmin: computed(() => role.value === 'admin'),
    error,
    fields,
    busy,
    async restore() {
      try {
        accept(await api.session.get());
      } catch {
        end(null);
      }
    },
    async signIn(email: string, password: string) {
      busy.value = true;
      try {
        accept(await api.session.signIn(email, password));
      } catch (e) {
        error.value = signInProblem(e);
        fields.value = e instanceof ApiError ? e.fields : {};
      } finally {
        busy.value = false;
      }
    },
    async signOut() {
      try {
        await api.session.signOut();
      } catch {
        // Signed out here either way; the cookie expires on its own.
      }
      end(null);
    },
  };
}

export type Session = ReturnType<typeof createSession>;
