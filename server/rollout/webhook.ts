import type { Release, TransitionEntry } from '../schema/release.ts';

/** What a site's webhook receives for each release transition. `text` can be posted to a chat tool as is. */
export type WebhookPayload = {
  type: 'release.transition';
  text: string;
  release: { id: string; key: string; name: string; status: Release['status']; phase: string | null };
  transition: TransitionEntry;
};

/**
 * Posts one webhook notice (its JSON text); throws on a network error, a timeout (10 s) or a non-2xx
 * answer. Retries and their order are the outbox's (`outbox.ts`).
 *
 * @example await postWebhook('https://hooks.example.com/x', JSON.stringify(payload))
 */
export async function postWebhook(url: string, body: string, doFetch: typeof fetch = fetch): Promise<void> {
  const res = await doFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Herald-Webhook/1' },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`answered ${res.status}`);
}
