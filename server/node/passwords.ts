import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import type { Passwords } from '../deps.ts';
import { isPbkdf2Hash, pbkdf2Passwords } from '../http/pbkdf2-passwords.ts';

/** OWASP's recommended scrypt cost (Password Storage Cheat Sheet): N=2^17, r=8, p=1. */
export const OWASP_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

const KEY_BYTES = 64;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  // scrypt needs 128·N·r·p bytes; Node's default cap (32 MiB) is below OWASP's cost (128 MiB).
  const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r * cost.p + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Parses `scrypt$N$r$p$salt$hash`; null for anything else or for a cost no one would have written. */
function parse(stored: string) {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || salt === undefined || hash === undefined) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = Number.isInteger(cost.N) && cost.N > 1 && (cost.N & (cost.N - 1)) === 0;
  if (!powerOfTwo || cost.N > 2 ** 20 || !(cost.r >= 1 && cost.r <= 32) || !(cost.p >= 1 && cost.p <= 16))
    return null;
  return { cost, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

/**
 * Passwords hashed with `node:crypto` scrypt: a 16-byte random salt and a 64-byte key, stored as
 * `scrypt$N$r$p$salt$hash` (base64) so that hashes made at an older cost still verify after it is raised.
 * Compared with `timingSafeEqual`. Runs on libuv's thread pool, not the event loop. A hash the Worker made
 * (`pbkdf2-sha256$…`, by its prefix) verifies too, so a database moved from the edge keeps its accounts.
 *
 * @example const passwords = nodePasswords(); await passwords.verify('pw', await passwords.hash('pw')) // true
 */
export function nodePasswords(cost: { N: number; r: number; p: number } = OWASP_SCRYPT): Passwords {
  const edge = pbkdf2Passwords();
  return {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      const key = await derive(password, salt, cost);
      return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
    },
    async verify(password, stored) {
      if (isPbkdf2Hash(stored)) return edge.verify(password, stored);
      const parsed = parse(stored);
      if (parsed === null || parsed.hash.length !== KEY_BYTES) return false;
      const key = await derive(password, parsed.salt, parsed.cost);
      return timingSafeEqual(key, parsed.hash);
    },
  };
}
