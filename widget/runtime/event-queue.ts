import type { Event } from '../../server/schema/events.ts';
import type { ApiClient } from './api-client.ts';
import { toBatches } from './batches.ts';
import { log } from './log.ts';

/** Where queued events survive reloads and offline spells. Its promises always resolve. */
export type Persist = {
  load(): Promise<Event[]>;
  save(events: Event[]): Promise<unknown>;
  remove(ids: string[]): Promise<unknown>;
};

/** Durable, batched event delivery: an event leaves the queue only once the server acknowledged it. */
export type EventQueue = {
  add(event: Event): void;
  /** Sends now, forgetting any backoff (the browser came back `online`). */
  flush(): void;
  /**
   * Hands events to `sendBeacon` as the page is hidden or unloaded. Beacons are fire-and-forget, so the
   * events stay queued until a normal send is acknowledged; their ids make the repeat count once.
   */
  beacon(): void;
};

export type QueueOptions = {
  /** How long to gather events into one batch; also the base of the retry backoff. */
  delayMs?: number;
  maxDelayMs?: number;
  /** The oldest events beyond this are dropped, so a long outage cannot fill the user's storage. */
  maxEvents?: number;
};

/**
 * The event queue: batches events to `POST /v1/events`, retries failures with exponential backoff and
 * jitter, drops a batch the server rejects as invalid (4xx but 408/429), and persists what is unsent.
 */
export function createEventQueue(
  api: Pick<ApiClient, 'send' | 'beacon'>,
  persist: Persist,
  { delayMs = 1000, maxDelayMs = 60_000, maxEvents = 500 }: QueueOptions = {},
): EventQueue {
  let queue: Event[] = [];
  const beaconed = new Set<string>();
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
        if (status !== 200 && (status < 400 || status > 499 || status === 408 || status === 429)) {
          failures++;
          return schedule(Math.min(maxDelayMs, delayMs * 2 ** failures) * (0.5 + Math.random() / 2));
        }
        if (status !== 200) log('events rejected', status, batch);
        forget(batch);
      }
      failures = 0;
    } finally {
      sending = false;
    }
    // Events added while the batches were in flight.
    if (queue.length) schedule(delayMs);
  }

  persist
    .load()
    .then((saved) => {
      const ids = queue.map((e) => e.id);
      queue = [...saved.filter((e) => !ids.includes(e.id)), ...queue];
      if (queue.length) schedule(delayMs);
    })
    .catch(log);

  return {
    add(event) {
      queue.push(event);
      persist.save([event]);
      if (queue.length > maxEvents) forget(queue.slice(0, queue.length - maxEvents));
      if (!failures) schedule(delayMs);
    },
    flush() {
      failures = 0;
      schedule(0);
    },
    beacon() {
      for (const batch of toBatches(queue.filter((e) => !beaconed.has(e.id)))) {
        if (api.beacon(batch)) for (const e of batch) beaconed.add(e.id);
      }
    },
  };
}
