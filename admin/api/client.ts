/**
 * The admin page's one door to the server: JSON over `fetch` with the session cookie, the CSRF header on
 * every state-changing request, and failures turned into {@link ApiError}s that carry the server's
 * per-field problems so forms can show them beside their fields.
 */

/** A failed request: the HTTP status (0 when the server could not be reached) and Herald's error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Problems keyed by dotted path, e.g. `content.en.title`. */
    readonly fields: Record<string, string> = {},
    /** Seconds to wait, from `retry-after` (sign-in rate limit). */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

/** The server's fetch for the admin: the typed API (`hc`) sends every request through it. */
export type Client = {
  /**
   * `fetch` with the session cookie, `accept: application/json` and, on POST, PATCH and DELETE, the CSRF
   * token; an answer that is not 2xx throws an {@link ApiError} (and a 401 tells the listeners first).
   */
  fetch: typeof fetch;
  /** The token from the session, sent as `x-csrf-token` on POST, PATCH and DELETE. */
  setCsrfToken(token: string | null): void;
  /** Called on any 401, so the session can go back to the sign-in page. */
  onUnauthorized(listener: () => void): void;
};

export type ClientOptions = { fetch?: typeof fetch; base?: string };

async function errorOf(res: Response): Promise<ApiError> {
  const retry = Number(res.headers.get('retry-after'));
  let body: { error?: { code?: string; message?: string; fields?: Record<string, string> } } = {};
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  const e = body.error ?? {};
  return new ApiError(
    res.status,
    e.code ?? `http_${res.status}`,
    e.message ?? res.statusText ?? 'request failed',
    e.fields ?? {},
    Number.isFinite(retry) && retry > 0 ? retry : null,
  );
}

/**
 * @example const client = createClient(); client.setCsrfToken(session.csrfToken);
 *          const api = createHeraldApi(client); await api.sites.create({ name: 'Shop' });
 */
export function createClient({
  fetch: doFetch = globalThis.fetch.bind(globalThis),
  base = '',
}: ClientOptions = {}): Client {
  let csrf: string | null = null;
  const unauthorized: (() => void)[] = [];

  async function send(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const method = (init.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    headers.accept = 'application/json';
    if (method !== 'GET' && csrf !== null) headers['x-csrf-token'] = csrf;
    let res: Response;
    try {
      res = await doFetch(base + String(input), { ...init, method, headers, credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
    }
    if (!res.ok) {
      const error = await errorOf(res);
      if (res.status === 401) for (const listener of unauthorized) listener();
      throw error;
    }
    return res;
  }

  return {
    fetch: send,
    setCsrfToken(token) {
      csrf = token;
    },
    onUnauthorized(listener) {
      unauthorized.push(listener);
    },
  };
}
