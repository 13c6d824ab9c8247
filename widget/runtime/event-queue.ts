import type { Event } from '../../server/schema/events.ts';
import type { ApiClient } from './api-client.ts';
import { toBatches } from './batches.ts';
import { log } from './log.ts';

/** Where queued events survive reloads and offline spells. Its promises always resolve. */
export type Persist = {
  /** Undefined when storage is unavailable. */
  load(): Promise<Event[] | undefined>;
  save(events: Event[]): Promise<unknown>;
  remove(ids: string[]): Promise<unknown>;
};

/** Durable, batched event delivery: an event leaves the queue only once the server acknowledged it. */
export type EventQueue = {
  add(event: Event): void;
  /** Sends now, forgetting any backoff (the browser came back `online`). */
  flush(): void;
  /**
   * Hands the queued events to `sendBeacon` as the page is hidden or unloaded. Beacons are
   * fire-and-forget, so the events stay queued until a normal send is acknowledged; their ids make every
   * repeat (a later send, another beacon) count once.
   */
  beacon(): void;
};

/** How long events gather into one batch; also the base of the retry backoff. */
export const BATCH_DELAY_MS = 1000;
/** The longest wait between retries. */
export const MAX_RETRY_MS = 60_000;

/**
 * The event queue: batches events to `POST /v1/events`, retries failures with exponential backoff and
 * jitter, drops a batch the server rejects as invalid (4xx but 408/429), and persists what is unsent.
 */
export function createEventQueue(api: Pick<ApiClient, 'send' | 'beacon'>, persist: Persist): EventQueue {
  let queue: Event[] = [];
  let failures = 0;
  let sending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => send().catch(log), ms);
  };
  const forget = (events: Event[]) => {
    const ids = events.map((e) => e.id);
    queue = queue.filter((e) => !ids.includes(e.id));
    persist.remove(ids);
  };

  async function send() {
    if (sending) return;
    sending = true;
    try {
      for (const batch of toBatches(queue)) {
        const status = await api.send(batch);
        if (status !== 200) {
          if (status < 400 || status > 499 || status === 408 || status === 429) {
            failures++;
            return schedule(
              Math.min(MAX_RETRY_MS, BATCH_DELAY_MS * 2 ** failures) * (0.5 + Math.random() / 2),
            );
          }
          log(status, batch); // rejected as invalid: sending it again cannot help
        }
        forget(batch);
      }
      failures = 0;
    } finally {
      sending = false;
    }
    // Events added while the batches were in flight.
    if (queue.length) schedule(BATCH_DELAY_MS);
  }

  persist.load().then((saved = []) => {
    // Storage runs requests in order, so this read cannot contain events added since.
    queue = [...saved, ...queue];
    schedule(BATCH_DELAY_MS);
  });

  return {
    add(event) {
      queue.push(event);
      persist.save([event]);
      if (!failures) schedule(BATCH_DELAY_MS);
    },
    flush() {
      failures = 0;
      schedule(0);
    },
    beacon() {
      for (const batch of toBatches(queue)) api.beacon(batch);
    },
  };
}
