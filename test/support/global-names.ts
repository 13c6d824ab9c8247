/**
 * Every property name of the built-ins of the global scope this runs in: the globals, and the names on
 * each global object and constructor prototype, up their prototype chains. It reads nothing from outside
 * itself, so Playwright can run it in a page as it is (`page.evaluate(globalNames)`) as well as in Node
 * under happy-dom.
 */
export function globalNames(): string[] {
  const found = new Set<string>();
  const chain = (object: unknown) => {
    for (let o = object; o; o = Object.getPrototypeOf(o)) {
      for (const key of Object.getOwnPropertyNames(o)) found.add(key);
    }
  };
  for (const key of Object.getOwnPropertyNames(globalThis)) {
    found.add(key);
    try {
      const value = (globalThis as Record<string, unknown>)[key];
      chain(value);
      if (typeof value === 'function') chain(value.prototype);
    } catch {
      // A getter that refuses this document (localStorage on about:blank, say): its name is enough.
    }
  }
  return [...found];
}
