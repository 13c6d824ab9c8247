import type { Release, TransitionEntry } from '../schema/release.ts';

/** What a site's webhook receives for each release transition. `text` can be posted to a chat tool as is. */
export type WebhookPayload = {
  type: 'release.transition';
  text: string;
  release: { id: string; key: string; name: string; status: Release['status']; phase: string | null };
  transition: TransitionEntry;
};

export type WebhookOptions = {
  /** Waits before each retry; the number of entries is the number of retries. */
  retryDelaysMs: number[];
  log: (message: string, detail?: unknown) => void;
  /** Lets tests and Workers pass their own; defaults to the global fetch. */
  fetch?: typeof fetch;
};

/**
 * Posts JSON to a webhook, retrying with the given delays on a network error or a non-2xx answer, in order
 * per URL. Fire-and-forget for the caller; `drain()` waits for every delivery in flight (tests, shutdown).
 *
 * @example const hooks = webhookSender({ retryDelaysMs: [1000, 5000, 30000], log }); hooks.send(url, payload);
 */
export function webhookSender(options: WebhookOptions) {
  const inFlight = new Set<Promise<void>>();
  const doFetch = options.fetch ?? fetch;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  async function deliver(url: string, payload: WebhookPayload): Promise<void> {
    const body = JSON.stringify(payload);
    for (let attempt = 0; attempt <= options.retryDelaysMs.length; attempt++) {
      if (attempt > 0) await sleep(options.retryDelaysMs[attempt - 1] ?? 0);
      try {
        const res = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'Herald-Webhook/1' },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        if (res.ok) return;
        options.log(`webhook ${url} answered ${res.status} (attempt ${attempt + 1})`);
      } catch (err) {
        options.log(`webhook ${url} failed (attempt ${attempt + 1})`, err);
      }
    }
    options.log(`webhook ${url} gave up after ${options.retryDelaysMs.length + 1} attempts`);
  }

  // One queue per URL, so a receiver gets a release's transitions in the order they happened even when
  // an earlier delivery needed retries.
  const queues = new Map<string, Promise<void>>();

  return {
    send(url: string, payload: WebhookPayload): void {
      const p = (queues.get(url) ?? Promise.resolve()).then(() => deliver(url, payload));
      queues.set(url, p);
      inFlight.add(p);
      p.finally(() => {
        inFlight.delete(p);
        if (queues.get(url) === p) queues.delete(url);
      });
    },
    async drain(): Promise<void> {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}

export type WebhookSender = ReturnType<typeof webhookSender>;
