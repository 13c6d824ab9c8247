import * as nodeCrypto from 'node:crypto';
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/**
 * The few crypto helpers every token in Herald is made of (sessions, CSRF, receipts, digest links), in one
 * place so that each is written once. Web Crypto, except the HMAC (below), which Workers run through
 * `nodejs_compat` (`wrangler.jsonc`).
 */

const encoder = new TextEncoder();

/**
 * Bytes as base64url without padding: safe in URLs, cookies and JSON. `Buffer` (Node, and Workers through
 * `nodejs_compat`) encodes in native code: a receipt's 16 bytes in a fifth of the time of `btoa` over a
 * string built byte by byte, which a decide pays once per shown message.
 */
export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/** 32 random bytes, base64url: a session, CSRF or confirmation token. */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** SHA-256 as hex: how a token is stored, so a copy of the database grants nothing. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two strings in time independent of where they differ, so a token cannot be guessed byte by byte. */
export function safeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/**
 * The first `bytes` bytes of HMAC-SHA-256 of `text` under `secret`, base64url, computed now on the calling
 * thread (Web Crypto's `sign` is asynchronous and runs each call as a job on another thread: with a receipt
 * per shown message those jobs were once the largest cost of a decide).
 *
 * Computed by HMAC's definition (RFC 2104), H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ text)), from two one-shot
 * `crypto.hash` calls with the pads prepared once per secret: the same bytes as `createHmac`, but each
 * `createHmac` sets up a native object per call, and that setup was a fifth of a decide's CPU time under
 * `npm run bench` (a decide signs about fifteen receipts). `createHmac` remains for secrets the fast path
 * cannot take (see `padsOf`) and for runtimes without `crypto.hash`.
 *
 * @example hmacBase64url(site.secret, 'unsubscribe:sub_1')
 */
export function hmacBase64url(secret: string, text: string, bytes = 32): string {
  const pads = hash === undefined ? null : padsOf(secret);
  if (pads === null) {
    const mac = createHmac('sha256', keyOf(secret)).update(text).digest();
    return mac.subarray(0, bytes).toString('base64url');
  }
  // `latin1` out, byte for byte, is the cheapest way out of `crypto.hash`; a Buffer out costs three times more.
  pads.outer.write((hash as OneShotHash)('sha256', pads.inner + text, 'latin1'), BLOCK, 'latin1');
  return base64urlPrefix((hash as OneShotHash)('sha256', pads.outer, 'base64url'), bytes);
}

type OneShotHash = (algorithm: string, data: string | Buffer, encoding: 'latin1' | 'base64url') => string;
/** Node ≥ 20.12 has it; other runtimes (Workers' `nodejs_compat`) may not, and take `createHmac`. */
const hash = (nodeCrypto as { hash?: OneShotHash }).hash;
/** SHA-256's block: HMAC pads its key to this many bytes. */
const BLOCK = 64;

type Pads = {
  /** K ⊕ ipad as text: ASCII, so `crypto.hash` encoding it as UTF-8 writes exactly these bytes. */
  inner: string;
  /** K ⊕ opad, then room for the inner digest; reused by every call (JavaScript runs one call at a time). */
  outer: Buffer;
};
const padsBySecret = new Map<string, Pads | null>();

/**
 * A secret's pads, or null when the fast path cannot take it: one longer than a block (HMAC would hash it
 * first) or not ASCII (its pad would not be ASCII, and would not survive being passed as text).
 */
function padsOf(secret: string): Pads | null {
  let found = padsBySecret.get(secret);
  if (found === undefined) {
    const key = Buffer.from(secret);
    const ascii = key.length === secret.length && key.every((b) => b < 0x80);
    found =
      ascii && key.length <= BLOCK
        ? {
            inner: padded(key, 0x36, BLOCK).toString('latin1'),
            outer: padded(key, 0x5c, BLOCK + 32),
          }
        : null;
    if (padsBySecret.size >= MAX_KEYS) padsBySecret.delete(padsBySecret.keys().next().value as string);
    padsBySecret.set(secret, found);
  }
  return found;
}

/** The key padded with zeros to a block, each byte XOR `mask`; then zeros up to `length`. */
function padded(key: Buffer, mask: number, length: number): Buffer {
  return Buffer.from(Array.from({ length }, (_, i) => (i < BLOCK ? (key[i] ?? 0) ^ mask : 0)));
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The base64url of the first `bytes` bytes, cut from the base64url of more: the same characters, except
 * that the last one keeps only the bits of those bytes (the rest are zero, as encoding them alone gives).
 */
function base64urlPrefix(encoded: string, bytes: number): string {
  const chars = Math.ceil((bytes * 8) / 6);
  const spare = chars * 6 - bytes * 8;
  if (spare === 0 || chars >= encoded.length) return encoded.slice(0, chars);
  const last = ALPHABET.indexOf(encoded[chars - 1] as string) & ((0x3f << spare) & 0x3f);
  return encoded.slice(0, chars - 1) + ALPHABET[last];
}

/** Secrets imported as keys once: a string key is imported again by every `createHmac` (a third of its cost). */
const keys = new Map<string, KeyObject>();
/** Sites have a secret or two each; past this many, the oldest imports are dropped (and made again if used). */
const MAX_KEYS = 10_000;

function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.delete(keys.keys().next().value as string);
    key = createSecretKey(Buffer.from(secret));
    keys.set(secret, key);
  }
  return key;
}
