/**
 * A random RFC 4122 version 4 UUID, the id that makes every event count exactly once.
 * `crypto.randomUUID` exists only in secure contexts, so plain-http pages get the same format
 * from `getRandomValues`.
 */
export function uuid(): string {
  return crypto.randomUUID
    ? crypto.randomUUID()
    : '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
        (+c ^ ((crypto.getRandomValues(new Uint8Array(1))[0] as number) & (15 >> (+c / 4)))).toString(16),
      );
}
