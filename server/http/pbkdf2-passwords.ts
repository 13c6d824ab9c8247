import type { Passwords } from '../deps.ts';
import { safeEqual } from './web-crypto.ts';

/**
 * PBKDF2-SHA-256 iterations. Workers refuse more than 100,000 (OWASP asks 600,000 for PBKDF2-SHA-256), so
 * this is the strongest hash the edge can compute; the Node server keeps scrypt and verifies these too.
 */
export const EDGE_PBKDF2_ITERATIONS = 100_000;

const SALT_BYTES = 16;
const KEY_BITS = 256;
const encoder = new TextEncoder();

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
/** Bytes from base64, or null for text that is not base64 (a damaged hash). */
function unbase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(password.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    KEY_BITS,
  );
  return base64(new Uint8Array(bits));
}

/** True for a hash this module wrote (`pbkdf2-sha256$…`): how a hasher tells which verifier a hash needs. */
export const isPbkdf2Hash = (stored: string) => stored.startsWith('pbkdf2-sha256$');

/**
 * Passwords hashed with Web Crypto PBKDF2-SHA-256 (a 16-byte random salt), stored as
 * `pbkdf2-sha256$iterations$salt$hash` (base64): the Worker's hasher, since scrypt is not in Web Crypto.
 * The prefix says which scheme made a hash; the Node hasher verifies these, while an scrypt hash cannot
 * be verified here (such an account signs in on Node, or gets a new password).
 *
 * @example const passwords = pbkdf2Passwords(); await passwords.verify('pw', await passwords.hash('pw')) // true
 */
export function pbkdf2Passwords(iterations = EDGE_PBKDF2_ITERATIONS): Passwords {
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
      return ['pbkdf2-sha256', iterations, base64(salt), await derive(password, salt, iterations)].join('$');
    },
    async verify(password, stored) {
      const [scheme, rounds, salt, hash, ...rest] = stored.split('$');
      const count = Number(rounds);
      if (scheme !== 'pbkdf2-sha256' || rest.length > 0 || salt === undefined || hash === undefined)
        return false;
      if (!Number.isInteger(count) || count < 1 || count > EDGE_PBKDF2_ITERATIONS) return false;
      const saltBytes = unbase64(salt);
      return saltBytes !== null && safeEqual(await derive(password, saltBytes, count), hash);
    },
  };
}
