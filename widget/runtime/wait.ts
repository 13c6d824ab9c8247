/** Resolves after `ms`; never resolves when `signal` aborts first, so the work after it simply stops. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return;
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => clearTimeout(timer));
  });
}

/**
 * The first element matching `selector`, waiting up to `timeoutMs` for one to appear (late-rendered app
 * content); null when it never comes, when the selector is invalid, or when `signal` aborts. Giving up
 * is a value, never an error, so a missing anchor leaves nothing half-drawn.
 */
export function waitFor(selector: string, signal: AbortSignal, timeoutMs = 10_000): Promise<Element | null> {
  return new Promise((resolve) => {
    const find = () => {
      try {
        return document.querySelector(selector);
      } catch {
        return undefined;
      }
    };
    const found = find();
    if (found !== null || signal.aborted) return resolve(found ?? null);
    const done = (el: Element | null) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      resolve(el);
    };
    const stop = () => done(null);
    const observer = new MutationObserver(() => {
      const el = find();
      if (el !== null) done(el ?? null);
    });
    const timer = setTimeout(stop, timeoutMs);
    signal.addEventListener('abort', stop);
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  });
}
