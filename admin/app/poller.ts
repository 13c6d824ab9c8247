import { signal } from '@preact/signals';

/**
 * Runs `task` now and then every `everyMs` while the page is visible, so numbers on screen stay fresh
 * without a reload and a background tab costs the server nothing. Runs again at once when the tab comes
 * back. A failing task is tried again on the next beat.
 *
 * @example const poll = createPoller(() => model.refresh(), 5000); poll.start(); … poll.stop();
 */
export function createPoller(task: () => Promise<unknown>, everyMs = 5000, doc: Document = document) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let stopped = true;

  async function tick() {
    clearTimeout(timer);
    if (stopped || doc.hidden) return;
    if (!running) {
      running = true;
      try {
        await task();
      } catch {
        // The model shows its own error; polling goes on.
      } finally {
        running = false;
      }
    }
    if (!stopped) timer = setTimeout(tick, everyMs);
  }

  const onVisibility = () => {
    if (!doc.hidden) void tick();
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      doc.addEventListener('visibilitychange', onVisibility);
      void tick();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      doc.removeEventListener('visibilitychange', onVisibility);
    },
  };
}

export type Poller = ReturnType<typeof createPoller>;

/**
 * A page's numbers kept fresh: `refresh` polled (see `createPoller`), and when the last refresh got
 * through, for the page's "last at". `refresh` answers `false` when it did not (it has shown why).
 *
 * @example const live = createLive(refresh); return { ...live, report }; // updatedAt, refresh, start, stop
 */
export function createLive(refresh: () => Promise<unknown>, everyMs = 5000) {
  const updatedAt = signal<Date | null>(null);
  async function run() {
    if ((await refresh()) !== false) updatedAt.value = new Date();
  }
  const poller = createPoller(run, everyMs);
  return { updatedAt, refresh: run, start: poller.start, stop: poller.stop };
}
