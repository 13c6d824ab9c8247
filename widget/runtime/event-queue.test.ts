import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Event } from '../../server/schema/events.ts';
import { createApiClient } from './api-client.ts';
import { BATCH_DELAY_MS, createEventQueue, type Persist } from './event-queue.ts';
import { uuid } from './ids.ts';

const event = (text = ''): Event => ({
  id: uuid(),
  type: 'response',
  messageId: 'msg_1',
  value: 4,
  text,
  at: '2026-11-26T10:00:00.000Z',
  user: { anonymousId: 'a_1' },
});

/** Storage as IndexedDB behaves for the queue: one record per event id, shared by "page loads". */
function memoryPersist(records = new Map<string, Event>()): Persist & { records: Map<string, Event> } {
  return {
    records,
    load: async () => [...records.values()],
    save: async (events) => {
      for (const e of events) records.set(e.id, e);
    },
    remove: async (ids) => {
      for (const id of ids) records.delete(id);
    },
  };
}

/** A server that answers each `POST /v1/events` with the next status (then the last one forever). */
function server(...statuses: number[]) {
  const received: Event[][] = [];
  const send = vi.fn(async (events: Event[]) => {
    received.push(events);
    return statuses.length > 1 ? (statuses.shift() as number) : (statuses[0] as number);
  });
  return { send, beacon: vi.fn(() => true), received };
}

describe('event queue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(1); // jitter at its top: delays are exactly the backoff
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('gathers events into one batch and removes them only after a 200', async () => {
    const api = server(200);
    const persist = memoryPersist();
    const queue = createEventQueue(api, persist);
    const [a, b] = [event(), event()];
    queue.add(a);
    queue.add(b);
    await vi.advanceTimersByTimeAsync(0);
    expect(persist.records.size).toBe(2);
    expect(api.send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS);
    expect(api.received).toEqual([[a, b]]);
    expect(persist.records.size).toBe(0);
  });

  it('keeps events after a failure and retries with exponential backoff, resending the same ids', async () => {
    const api = server(503, 0, 200);
    const persist = memoryPersist();
    const queue = createEventQueue(api, persist);
    const e = event();
    queue.add(e);
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS);
    expect(api.send).toHaveBeenCalledTimes(1);
    expect(persist.records.has(e.id)).toBe(true);

    await vi.advanceTimersByTimeAsync(1999);
    expect(api.send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.send).toHaveBeenCalledTimes(2); // 2 s after the first failure

    await vi.advanceTimersByTimeAsync(3999);
    expect(api.send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.send).toHaveBeenCalledTimes(3); // 4 s after the second

    expect(api.received.map((batch) => batch.map((x) => x.id))).toEqual([[e.id], [e.id], [e.id]]);
    expect(persist.records.size).toBe(0);
  });

  it('jitters the backoff between half and all of it', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const api = server(500, 200);
    createEventQueue(api, memoryPersist()).add(event());
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS + 999);
    expect(api.send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1); // half of the 2 s backoff
    expect(api.send).toHaveBeenCalledTimes(2);
  });

  it.each([408, 429])('retries a %s', async (status) => {
    const api = server(status, 200);
    const persist = memoryPersist();
    createEventQueue(api, persist).add(event());
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS + 2000);
    expect(api.send).toHaveBeenCalledTimes(2);
    expect(persist.records.size).toBe(0);
  });

  it('drops a batch the server rejects as invalid, and sends the next', async () => {
    const api = server(400, 200);
    const persist = memoryPersist();
    const queue = createEventQueue(api, persist);
    queue.add(event());
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS);
    expect(persist.records.size).toBe(0);
    queue.add(event());
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS);
    expect(api.send).toHaveBeenCalledTimes(2);
  });

  it('sends events persisted by an earlier page load, once acknowledged never again', async () => {
    const records = new Map<string, Event>();
    const offline = server(0);
    const first = createEventQueue(offline, memoryPersist(records));
    const e = event('4 stars, offline');
    first.add(e);
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS);
    expect(records.has(e.id)).toBe(true);

    // Reload: a new queue over the same storage.
    const online = server(200);
    createEventQueue(online, memoryPersist(records));
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS);
    expect(online.received).toEqual([[e]]);
    expect(records.size).toBe(0);

    const later = server(200);
    createEventQueue(later, memoryPersist(records));
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS * 10);
    expect(later.send).not.toHaveBeenCalled();
  });

  it('sends at once when the browser comes back online, forgetting the backoff', async () => {
    const api = server(0, 0, 0, 200);
    const queue = createEventQueue(api, memoryPersist());
    queue.add(event());
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS + 2000 + 4000);
    expect(api.send).toHaveBeenCalledTimes(3);
    queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.send).toHaveBeenCalledTimes(4);
  });

  it('keeps beaconed events queued until a normal send acknowledges them', async () => {
    const api = server(200);
    const persist = memoryPersist();
    const queue = createEventQueue(api, persist);
    const e = event();
    queue.add(e);
    queue.beacon();
    expect(api.beacon).toHaveBeenCalledWith([e]);
    await vi.advanceTimersByTimeAsync(0);
    expect(persist.records.has(e.id)).toBe(true);
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS);
    expect(api.received).toEqual([[e]]);
    expect(persist.records.size).toBe(0);
  });

  it('beacons as text/plain blobs of at most 32 KB', async () => {
    const beacons: Blob[] = [];
    vi.stubGlobal('navigator', { sendBeacon: (_url: string, body: Blob) => beacons.push(body) > 0 });
    try {
      const api = createApiClient('https://herald.test', 'pk_demo', vi.fn());
      const queue = createEventQueue(api, memoryPersist());
      for (let i = 0; i < 60; i++) queue.add(event('€'.repeat(1000)));
      queue.beacon();
      expect(beacons.length).toBeGreaterThan(1);
      const sent: Event[] = [];
      for (const blob of beacons) {
        expect(blob.type).toBe('text/plain');
        expect(blob.size).toBeLessThanOrEqual(32_768);
        sent.push(...JSON.parse(await blob.text()).events);
      }
      expect(sent).toHaveLength(60);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
