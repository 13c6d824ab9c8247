const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Makes ids like `msg_7k2…`: a readable prefix and 16 random characters from Web Crypto. */
export type IdMaker = (prefix: string, length?: number) => string;

/** The production id maker; tests pass their own for determinism. */
export function randomId(prefix: string, length = 16): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${out}`;
}
