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
