/**
 * A random version 4 UUID, the id that makes every event count exactly once. `crypto.randomUUID` exists
 * only in secure contexts; plain-http pages get the same format from `Math.random`, which is enough for
 * telling events apart (the ids are not secrets).
 */
export function uuid(): string {
  return (
    crypto.randomUUID?.() ??
    'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => ((Math.random() * 16) | 0).toString(16))
  );
}
