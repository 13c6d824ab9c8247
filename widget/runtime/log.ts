let debug = false;

/** Turns diagnostics on (`data-debug` on the script tag); the widget is silent on host pages otherwise. */
export function setDebug(on: boolean): void {
  debug = on;
}

/** Writes a diagnostic to the console, only when debugging is on. Safe as a `.catch` handler. */
export function log(...args: unknown[]): void {
  if (debug) console.warn('[herald]', ...args);
}

/**
 * Wraps a function so that nothing it throws reaches the caller: every entry point the host page or the
 * browser calls goes through this, because the widget must never break the page it is embedded in.
 */
export function guard<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      log(e);
      return undefined;
    }
  };
}
